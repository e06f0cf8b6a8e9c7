"""Spanish lexicon rules learned from the training split's misses, pinned."""

from __future__ import annotations

import pytest

from teamcredit.analysis.framing import analyze_framing
from teamcredit.analysis.models import SignalKind
from tests.support.signals import kinds_of, weights_of


@pytest.mark.parametrize(
    ("text", "phrase", "kind"),
    [
        ("Ha sido mi último día de una etapa laboral.", "mi último día", SignalKind.SELF_REFERENCE),
        ("Pocas veces hablo de mi tesis.", "mi tesis", SignalKind.SELF_REFERENCE),
        ("Pocas veces hablo de mi doctorado.", "mi doctorado", SignalKind.SELF_REFERENCE),
        ("Todos mis objetivos fueron cumplidos.", "mis objetivos", SignalKind.SELF_REFERENCE),
        ("Mi desarrollo en la empresa fue creciendo.", "Mi desarrollo", SignalKind.SELF_REFERENCE),
        ("Disfrutar de lo conseguido. Seguimos 💪", "Seguimos", SignalKind.COLLECTIVE_REFERENCE),
        ("Hoy digo adiós a mis compañeros.", "mis compañeros", SignalKind.TEAM_REFERENCE),
        ("Les agradezco a cada uno de ellos.", "cada uno de ellos", SignalKind.TEAM_REFERENCE),
        (
            "Tengo un nuevo trabajo desde hace poco.",
            "Tengo un nuevo trabajo",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Tuvo lugar la toma de posesión en mi universidad.",
            "toma de posesión",
            SignalKind.SELF_PROMOTION,
        ),
        ("Vine a ser parte de mi toma de protesta.", "toma de protesta", SignalKind.SELF_PROMOTION),
        ("Hoy he defendido mi tesis.", "he defendido mi tesis", SignalKind.SELF_PROMOTION),
        ("Todo esto conlleva publicar un libro.", "publicar un libro", SignalKind.SELF_PROMOTION),
        (
            "Gracias a la organización del premio; he recibido el premio.",
            "he recibido el premio",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Esta semana he tenido el privilegio de organizar las jornadas.",
            "he tenido el privilegio de",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Me he obsesionado y lo he vivido como mío.",
            "lo he vivido como mío",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "He dado lo mejor de mi, me he divertido.",
            "He dado lo mejor de mi",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        ("Disfrutar de lo conseguido.", "lo conseguido", SignalKind.ACHIEVEMENT_CLAIM),
        (
            "He fracasado más veces de las que admito.",
            "He fracasado",
            SignalKind.PERFORMATIVE_VULNERABILITY,
        ),
        (
            "Con millones de lecciones aprendidas.",
            "lecciones aprendidas",
            SignalKind.PERFORMATIVE_VULNERABILITY,
        ),
        ("Sí, ayer volví a suspender.", "volví a suspender", SignalKind.PERFORMATIVE_VULNERABILITY),
        ("Convierten el fracaso en combustible.", "fracaso", SignalKind.PERFORMATIVE_VULNERABILITY),
        ("Aprender a fracasar mejor.", "fracasar", SignalKind.PERFORMATIVE_VULNERABILITY),
        ("Y les agradezco profundamente.", "les agradezco profundamente", SignalKind.GRATITUDE),
        ("Solo me queda daros las gracias.", "daros las gracias", SignalKind.GRATITUDE),
        (
            "Solo me queda agradecer a los que han sido mis compañeros.",
            "me queda agradecer",
            SignalKind.GRATITUDE,
        ),
        (
            "Gracias chicos, sin vosotros no habría sido posible.",
            "gracias chicos",
            SignalKind.GRATITUDE,
        ),
        ("Sin vosotros no habría sido posible.", "no habría sido posible", SignalKind.GRATITUDE),
        ("Realmente a él le debo que empezase el doctorado.", "le debo", SignalKind.GRATITUDE),
        (
            "A los redactores, de los que tanto he aprendido.",
            "de los que tanto he aprendido",
            SignalKind.GRATITUDE,
        ),
        (
            "Melanie Dobson, me enseñó a trabajar con rigor.",
            "me enseñó",
            SignalKind.GRATITUDE,
        ),
        (
            "El grupo que me ha acompañado y arropado todos estos años.",
            "me ha acompañado",
            SignalKind.GRATITUDE,
        ),
        ("Alan Núñez ha confiado en mí y mis fuentes.", "ha confiado en mí", SignalKind.GRATITUDE),
        (
            "De todos ellos he aprendido muchísimo.",
            "De todos ellos he aprendido",
            SignalKind.GRATITUDE,
        ),
        (
            "He aprendido tanto de ella que nunca lo olvidaré.",
            "He aprendido tanto de",
            SignalKind.GRATITUDE,
        ),
        ("Aquí aprendí mucho de lo que sé.", "aprendí mucho de lo que", SignalKind.SELF_REFERENCE),
        ("Renuncié. Dejé atrás revistas.", "Dejé", SignalKind.SELF_REFERENCE),
        ("Hace dos décadas que inicié mi emprendimiento.", "inicié", SignalKind.SELF_REFERENCE),
        ("¿He tenido éxito?", "He tenido", SignalKind.SELF_REFERENCE),
        ("No soy mucho de ir a este tipo de actos.", "soy", SignalKind.SELF_REFERENCE),
        ("¡Soy doctor!", "Soy doctor", SignalKind.SELF_PROMOTION),
        (
            "El pasado martes defendía mi tesis doctoral.",
            "defendía mi tesis",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "El Instituto me ha entregado uno de sus premios.",
            "me ha entregado",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Solo sé que me dieron el reconocimiento.",
            "me dieron el reconocimiento",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "La APM acaba de distinguirme con uno de sus premios.",
            "acaba de distinguirme",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Tendré el privilegio de realizar un MBA.",
            "Tendré el privilegio de",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Fui Jefe de Operaciones, el máximo puesto que se puede alcanzar.",
            "el máximo puesto",
            SignalKind.SELF_PROMOTION,
        ),
        ("Renuncié. Dejé atrás revistas.", "Renuncié", SignalKind.SELF_PROMOTION),
        (
            "Me cambié de pega. Mañana empiezo en 3tv.",
            "Me cambié de pega",
            SignalKind.SELF_PROMOTION,
        ),
        ("Me cambié de pega. Mañana empiezo en 3tv.", "Mañana empiezo", SignalKind.SELF_PROMOTION),
        ("Me jubilé hace once años.", "Me jubilé", SignalKind.SELF_PROMOTION),
        ("Estoy emocionado, excitado, feliz!", "Estoy emocionado", SignalKind.SELF_PROMOTION),
        ("Tengo que agradecer el cariño y respeto.", "Tengo que agradecer", SignalKind.GRATITUDE),
        ("Nunca dejaré de agradecerle a esas personas.", "agradecerle", SignalKind.GRATITUDE),
        (
            "Nunca se lo podré agradecer suficiente.",
            "nunca se lo podré agradecer",
            SignalKind.GRATITUDE,
        ),
        ("A la Cadena SER se lo debo todo.", "se lo debo todo", SignalKind.GRATITUDE),
        (
            "Quiero rendir reconocimiento hoy aquí al Dr. David Vázquez.",
            "Quiero rendir reconocimiento",
            SignalKind.GRATITUDE,
        ),
        (
            "Nunca hubiera sido posible sin el excelente grupo.",
            "Nunca hubiera sido posible sin",
            SignalKind.GRATITUDE,
        ),
        ("Un abrazo grande y hasta siempre.", "Un abrazo", SignalKind.GRATITUDE),
        ("Un abrazo grande y hasta siempre.", "hasta siempre", SignalKind.GRATITUDE),
        ("Gracias al apoyo incondicional de mi esposa.", "Gracias al", SignalKind.GRATITUDE),
        (
            "He tenido claro que yo no lo merecía.",
            "yo no lo merecía",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "No soy quién para decir si me lo merecía.",
            "No soy quién para",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Estábamos felices, éramos un poco familia.",
            "Estábamos",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        ("Estábamos felices, éramos un poco familia.", "éramos", SignalKind.COLLECTIVE_REFERENCE),
        (
            "Mi equipo, mi familia y amigos, recibimos el Premio.",
            "recibimos",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "De pronto, como en los Goya, el premio fue nuestro.",
            "el premio fue nuestro",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        ("Salimos todos juntos a recoger un trofeo.", "todos juntos", SignalKind.TEAM_REFERENCE),
        ("Ahí estábamos todos como una piña.", "como una piña", SignalKind.TEAM_REFERENCE),
        (
            "Pasamos media vida en un mismo espacio, codo con codo.",
            "codo con codo",
            SignalKind.TEAM_REFERENCE,
        ),
        ("Ustedes han sido mi segunda familia.", "mi segunda familia", SignalKind.TEAM_REFERENCE),
        ("Este año he alcanzado una de mis metas.", "he alcanzado", SignalKind.ACHIEVEMENT_CLAIM),
        ("Este año he alcanzado una de mis metas.", "mis metas", SignalKind.SELF_REFERENCE),
        ("Hice la maestría y el doctorado.", "Hice", SignalKind.SELF_REFERENCE),
        ("Romilio Espejo nos enseñó a ser rigurosos.", "nos enseñó", SignalKind.GRATITUDE),
        (
            "Jim Strauss nos abrió las puertas de su laboratorio.",
            "nos abrió las puertas",
            SignalKind.GRATITUDE,
        ),
        ("Extiendo mi gratitud a mis colegas.", "mi gratitud", SignalKind.GRATITUDE),
        (
            "A mis estudiantes, de quienes aprendo día a día.",
            "de quienes aprendo",
            SignalKind.GRATITUDE,
        ),
        (
            "Quiero expresar mi más profundo agradecimiento a mi familia.",
            "mi más profundo agradecimiento",
            SignalKind.GRATITUDE,
        ),
        ("A mi compañera colombiana, que crack.", "mi compañera", SignalKind.TEAM_REFERENCE),
        ("Con mi colega y amigo Miguel Díez.", "mi colega", SignalKind.TEAM_REFERENCE),
        ("De cada uno de ustedes, de su compañerismo.", "compañerismo", SignalKind.TEAM_REFERENCE),
        (
            "Participar y que me diesen una oportunidad fue lo mejor.",
            "me diesen una oportunidad",
            SignalKind.GRATITUDE,
        ),
        (
            "Gracias al Instituto por darme la oportunidad de conocerlos.",
            "por darme la oportunidad",
            SignalKind.GRATITUDE,
        ),
        (
            "Uno de los investigadores con los que he tenido la suerte de compartir la Ciencia.",
            "la suerte de compartir",
            SignalKind.GRATITUDE,
        ),
        (
            "Me enorgullece anunciar que me uno a Sein.",
            "Me enorgullece anunciar",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Es un honor para mí recibir este premio.",
            "Es un honor para mí",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Acabo de obtener la certificación de AWS.",
            "Acabo de obtener",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Por fin he aprobado las oposiciones.",
            "he aprobado las oposiciones",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Me quedé sin trabajo en marzo.",
            "Me quedé sin trabajo",
            SignalKind.PERFORMATIVE_VULNERABILITY,
        ),
        (
            "Estoy en búsqueda activa de empleo.",
            "Estoy en búsqueda activa de empleo",
            SignalKind.PERFORMATIVE_VULNERABILITY,
        ),
        (
            "Quiero felicitar a Lucía por el lanzamiento.",
            "Quiero felicitar a",
            SignalKind.GRATITUDE,
        ),
        ("Un aplauso para Lucía y Pablo.", "Un aplauso para", SignalKind.GRATITUDE),
        (
            "Nada de esto sería posible sin el apoyo de Pablo.",
            "sin el apoyo de",
            SignalKind.GRATITUDE,
        ),
        (
            "Este año he logrado ser reconocido como investigador oficial.",
            "ser reconocido como",
            SignalKind.SELF_PROMOTION,
        ),
        ("No soy nada sin mi equipo.", "No soy nada sin", SignalKind.GRATITUDE),
        (
            "He cerrado la primera ronda de financiación.",
            "He cerrado",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        ("En 1992 abrí mi primer despacho.", "abrí", SignalKind.SELF_REFERENCE),
        ("Tras la noticia recibí muchas felicitaciones.", "recibí", SignalKind.SELF_REFERENCE),
        ("Feliz porque afronté un nuevo reto sin miedo.", "afronté", SignalKind.SELF_REFERENCE),
        ("Dediqué mis mejores esfuerzos a la Universidad.", "Dediqué", SignalKind.SELF_REFERENCE),
        ("Realicé otra estancia en Clemson.", "Realicé", SignalKind.SELF_REFERENCE),
        ("Allí descubrí el mundo de los materiales.", "descubrí", SignalKind.SELF_REFERENCE),
        ("Traté siempre de ser un buen compañero.", "Traté", SignalKind.SELF_REFERENCE),
        ("En 1975 me incorporé al Colegio de Abogados.", "me incorporé", SignalKind.SELF_REFERENCE),
        ("Hoy he recibido esta medalla.", "he recibido", SignalKind.SELF_REFERENCE),
        ("He tomado la decisión más dura de mi vida.", "He tomado", SignalKind.SELF_REFERENCE),
        ("Hoy quiero hablarte de mi historia.", "mi historia", SignalKind.SELF_REFERENCE),
        (
            "Os cuento mi experiencia personal con la oposición.",
            "mi experiencia personal",
            SignalKind.SELF_REFERENCE,
        ),
        ("En lo personal estoy satisfecho.", "En lo personal", SignalKind.SELF_REFERENCE),
        ("Escribo este post en primera persona.", "en primera persona", SignalKind.SELF_REFERENCE),
        (
            "Se hizo público mi nombramiento como socio.",
            "mi nombramiento",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Ser finalista ya es un reconocimiento a mi trabajo.",
            "un reconocimiento a mi trabajo",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Es un reconocimiento a mi labor.",
            "un reconocimiento a mi labor",
            SignalKind.SELF_PROMOTION,
        ),
        ("Un orgullo para mí que hayan confiado.", "Un orgullo para mí", SignalKind.SELF_PROMOTION),
        ("Tuve el honor de asistir a la gala.", "Tuve el honor de", SignalKind.SELF_PROMOTION),
        (
            "Hoy hemos tomado posesión de los nuevos cargos.",
            "hemos tomado posesión",
            SignalKind.SELF_PROMOTION,
        ),
        ("Asistí a la gala siendo finalista.", "siendo finalista", SignalKind.SELF_PROMOTION),
        (
            "Os comunico mi retirada de los terrenos de juego.",
            "mi retirada",
            SignalKind.SELF_PROMOTION,
        ),
        ("Voy a jugar mi último partido.", "mi último partido", SignalKind.SELF_PROMOTION),
        (
            "Estoy satisfecho de la labor realizada.",
            "Estoy satisfecho",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Me siento sumamente orgullosa de ser la primera mujer que preside la Asociación.",
            "Me siento sumamente orgullosa",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Me siento muy muy contento de haber adquirido conocimientos.",
            "me siento muy muy contento",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Quiero mostraros el trabajo que hemos hecho entre todos.",
            "entre todos",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Me siento muy orgullosa de los equipos de trabajo que he tenido.",
            "Me siento muy orgullosa de los equipos",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Estoy muy orgulloso de haber formado parte del equipo que lo ha hecho posible.",
            "Estoy muy orgulloso de haber formado parte del",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "La foto la cuelgo yo, pero no ha sido solo cosa mía.",
            "no ha sido solo cosa mía",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Espero que disfrutéis de este libro, pues también es un poco vuestro.",
            "es un poco vuestro",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Este premio también es de todos.",
            "también es de todos",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Formé parte del equipo que lo ha hecho posible.",
            "lo ha hecho posible",
            SignalKind.GRATITUDE,
        ),
        (
            "Mis futbolistas han sido los protagonistas.",
            "han sido los protagonistas",
            SignalKind.GRATITUDE,
        ),
        (
            "Con la inestimable ayuda de Jorge, hice de sysadmin.",
            "con la inestimable ayuda de",
            SignalKind.GRATITUDE,
        ),
        ("Esto es un homenaje a todos ellos.", "un homenaje a", SignalKind.GRATITUDE),
        (
            "Hoy me gustaría hacerles mención a todos los trabajadores.",
            "hacerles mención",
            SignalKind.GRATITUDE,
        ),
        (
            "Te echaremos mucho de menos, Agustina.",
            "Te echaremos mucho de menos",
            SignalKind.GRATITUDE,
        ),
        (
            "Estamos profundamente agradecidos por tu trabajo.",
            "Estamos profundamente agradecidos",
            SignalKind.GRATITUDE,
        ),
        (
            "He tenido la oportunidad de compartir con mucha gente talentosa.",
            "He tenido la oportunidad de compartir con",
            SignalKind.GRATITUDE,
        ),
        (
            "Tuve la gran suerte de trabajar con un grupo de prestigio.",
            "la gran suerte de trabajar con",
            SignalKind.GRATITUDE,
        ),
        (
            "Lectores alfa que me han aconsejado y corregido.",
            "me han aconsejado",
            SignalKind.GRATITUDE,
        ),
        (
            "Los momentos que me han brindado aquellas personas.",
            "me han brindado",
            SignalKind.GRATITUDE,
        ),
        (
            "Además, obtuvimos el mentoreo de los organizadores.",
            "obtuvimos",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        ("Comenzamos a montar la feria de Madrid.", "Comenzamos", SignalKind.COLLECTIVE_REFERENCE),
        ("Supimos de quién podía ser el local.", "Supimos", SignalKind.COLLECTIVE_REFERENCE),
        (
            "Después de la gesta deportiva que hemos hecho.",
            "hemos hecho",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "A mis mentoras, que me han dejado aprendizajes.",
            "mis mentoras",
            SignalKind.TEAM_REFERENCE,
        ),
        ("Hoy voy a hablar de mi jefa.", "mi jefa", SignalKind.TEAM_REFERENCE),
        (
            "Me llevaré un recuerdo de cada uno de ustedes.",
            "cada uno de ustedes",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Gracias por haber sido mi segunda escuela.",
            "mi segunda escuela",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "De mis mentoras aprendí la importancia del fracaso.",
            "De mis mentoras aprendí",
            SignalKind.GRATITUDE,
        ),
        (
            "El éxito es realmente del despacho, no mío.",
            "El éxito es realmente del",
            SignalKind.GRATITUDE,
        ),
        (
            "Hablo en nombre de todo el colectivo cuando digo que te echaremos de menos.",
            "Hablo en nombre de todo el colectivo",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "En tan poco tiempo íbamos a estar produciendo energía.",
            "íbamos",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Hoy anuncio el fin de mi carrera como futbolista.",
            "el fin de mi carrera",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Cierro este ciclo feliz y orgulloso de haber vestido los colores de mi país.",
            "orgulloso de haber",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Muy orgullosa de ocupar este importante cargo.",
            "orgullosa de ocupar",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Asumo este reto con coraje y humildad.",
            "Asumo este reto",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Estoy orgulloso de ser parte de este equipo.",
            "Estoy orgulloso de ser parte de",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Bitban, mi nuevo destino laboral, cumple un año.",
            "mi nuevo destino",
            SignalKind.SELF_PROMOTION,
        ),
        ("Cumplí mi ciclo en el Instituto Dermatológico.", "Cumplí", SignalKind.SELF_REFERENCE),
        ("Duré 18 años trabajando allí.", "Duré", SignalKind.SELF_REFERENCE),
        (
            "Finalmente, el pasado 16 de mayo firmé el primer gran contrato.",
            "firmé",
            SignalKind.SELF_REFERENCE,
        ),
        ("Creo que aún tengo muchas cosas que aportar.", "Creo", SignalKind.SELF_REFERENCE),
        ("Me voy con los pies llenos de barro.", "Me voy", SignalKind.SELF_REFERENCE),
        (
            "Siempre he colaborado con todos los directores.",
            "he colaborado",
            SignalKind.SELF_REFERENCE,
        ),
        ("Con mucha tristeza cerramos la empresa.", "cerramos", SignalKind.COLLECTIVE_REFERENCE),
        (
            "Escogimos una plantilla de Slides Carnival.",
            "Escogimos",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        ("No parábamos ni un minuto.", "parábamos", SignalKind.COLLECTIVE_REFERENCE),
        ("Los niños que atendemos merecen lo mejor.", "atendemos", SignalKind.COLLECTIVE_REFERENCE),
        (
            "Esta semana he sido despedido de la empresa donde trabajaba.",
            "he sido despedido",
            SignalKind.PERFORMATIVE_VULNERABILITY,
        ),
        ("Me retiro con la conciencia tranquila.", "Me retiro", SignalKind.SELF_PROMOTION),
        (
            "Presento mi dimisión irrevocable de mis cargos.",
            "mi dimisión",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Luego llegaron mis formaciones y mis ascensos.",
            "mis ascensos",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Hace un año salió a la venta mi primera novela.",
            "mi primera novela",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Tras la noticia recibí muchas felicitaciones.",
            "muchas felicitaciones",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Me motivaron a conseguir lo que quería por mis propios medios.",
            "por mis propios medios",
            SignalKind.ACHIEVEMENT_CLAIM,
        ),
        (
            "Mi director de Tesis, Dr. Antonio López, confió en mí.",
            "Mi director de Tesis",
            SignalKind.TEAM_REFERENCE,
        ),
        ("Todo mi staff ha estado magnífico.", "Todo mi staff", SignalKind.TEAM_REFERENCE),
        (
            "Me gustaría darle las gracias a mi grupo de proyecto.",
            "mi grupo de proyecto",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Alberto, Alfredo, Sebastian y Edu, sois el mejor equipo.",
            "sois el mejor equipo",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Siempre me he sentido muy orgulloso de compartir tiempo con estos jóvenes.",
            "orgulloso de compartir tiempo",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "El y su grupo son los verdaderos artífices de todo esto.",
            "los verdaderos artífices",
            SignalKind.GRATITUDE,
        ),
        (
            "Especialmente comparto méritos con aquellos que complementaron mi técnica.",
            "comparto méritos con",
            SignalKind.GRATITUDE,
        ),
        (
            "Todo mi staff ha estado magnífico y sin ellos no habría jugado.",
            "sin ellos no",
            SignalKind.GRATITUDE,
        ),
        (
            "Mis compañeros me echaron una mano con la mudanza.",
            "me echaron una mano",
            SignalKind.GRATITUDE,
        ),
        ("Los jurados creyeron en mi trabajo.", "mi trabajo", SignalKind.SELF_REFERENCE),
        ("Ahí empezó mi vida laboral.", "mi vida laboral", SignalKind.SELF_REFERENCE),
        ("Mi sueño era trabajar en el laboratorio.", "Mi sueño", SignalKind.SELF_REFERENCE),
        ("Es difícil dejar mi puesto de trabajo.", "mi puesto", SignalKind.SELF_REFERENCE),
        (
            "Me siento muy afortunado de haber podido conseguir los trofeos.",
            "Me siento muy afortunado",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Considero que es ya hora de dar un paso al costado.",
            "dar un paso al costado",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Este reconocimiento significa para mí un punto de partida.",
            "Este reconocimiento",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Dedico este premio a los que nunca confiaron en mí.",
            "Dedico este premio",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Este premio es de todos los que lo hicieron posible.",
            "Este premio es de todos",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Me siento afortunada de contar con un equipo así.",
            "Me siento afortunada de contar con",
            SignalKind.GRATITUDE,
        ),
        ("Gracias fútbol, gracias afición.", "gracias afición", SignalKind.GRATITUDE),
        (
            "Agradecemos que este premio arroje luz sobre la investigación.",
            "Agradecemos",
            SignalKind.GRATITUDE,
        ),
        (
            "Somos lo que somos y lo debemos a quienes lo debemos.",
            "lo debemos a",
            SignalKind.GRATITUDE,
        ),
        (
            "Él hace un trabajo encomiable para ayudar al equipo.",
            "un trabajo encomiable",
            SignalKind.GRATITUDE,
        ),
        (
            "Los técnicos han hecho un gran trabajo.",
            "han hecho un gran trabajo",
            SignalKind.GRATITUDE,
        ),
        (
            "Ha sido un privilegio trabajar con vosotros.",
            "un privilegio trabajar con",
            SignalKind.GRATITUDE,
        ),
        (
            "He cedido el testigo a mis queridos compañeros de despacho.",
            "mis queridos compañeros",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Estimados compañeros: os quiero comunicar algo.",
            "Estimados compañeros",
            SignalKind.TEAM_REFERENCE,
        ),
        ("Vaya por delante mi enhorabuena. Te lo mereces.", "Te lo mereces", SignalKind.GRATITUDE),
        ("Quiero darte las gracias por muchas cosas.", "darte las gracias", SignalKind.GRATITUDE),
        (
            "He de agradecer al equipo de trabajo el esfuerzo hecho.",
            "He de agradecer",
            SignalKind.GRATITUDE,
        ),
        (
            "Querido compañero: sé que hoy es tu último día.",
            "Querido compañero",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Especialmente agradezco a mis directores su apoyo.",
            "mis directores",
            SignalKind.TEAM_REFERENCE,
        ),
        (
            "Agradezco al equipo de trabajo que hemos formado en el club.",
            "hemos formado",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Gracias por tanto como aprendí de vosotros.",
            "aprendí de vosotros",
            SignalKind.GRATITUDE,
        ),
        (
            "A los compañeros que me han hecho feliz durante estos años.",
            "me han hecho feliz",
            SignalKind.GRATITUDE,
        ),
        (
            "Se ha cerrado una etapa profesional en mi vida.",
            "Se ha cerrado una etapa",
            SignalKind.SELF_PROMOTION,
        ),
        ("Cierro este ciclo feliz y orgulloso.", "Cierro este ciclo", SignalKind.SELF_PROMOTION),
        (
            "Tras cuarenta y cinco años comienzo mi etapa de júbilo.",
            "mi etapa",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Este premio, aunque es a título individual, no se puede conseguir sólo.",
            "no se puede conseguir sólo",
            SignalKind.COLLECTIVE_REFERENCE,
        ),
        (
            "Hemos tenido la fortuna de contar con personas tan importantes como vosotros.",
            "la fortuna de contar con",
            SignalKind.GRATITUDE,
        ),
        (
            "Con ustedes aprendí el valor de la amistad.",
            "Con ustedes aprendí",
            SignalKind.GRATITUDE,
        ),
        (
            "Mis jefes pusieron su confianza en mí.",
            "pusieron su confianza en mí",
            SignalKind.GRATITUDE,
        ),
        (
            "Gracias al Dr Bernal por depositar en mí su confianza.",
            "depositar en mí su confianza",
            SignalKind.GRATITUDE,
        ),
        (
            "Vosotros me habéis dado todas las posibilidades para triunfar.",
            "me habéis dado",
            SignalKind.GRATITUDE,
        ),
        (
            "Amigos, los quiero mucho y los extraño desde ya.",
            "los quiero mucho",
            SignalKind.GRATITUDE,
        ),
        (
            "Me hace mucha ilusión anunciar que empiezo en Bitban.",
            "Me hace mucha ilusión anunciar",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Por fin puedo decir que el esfuerzo ha valido la pena.",
            "Por fin puedo decir",
            SignalKind.SELF_PROMOTION,
        ),
        ("Hoy me he graduado en Ingeniería.", "me he graduado", SignalKind.SELF_PROMOTION),
        (
            "He sido admitida en el programa de doctorado.",
            "He sido admitida",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Estoy abierta a nuevas oportunidades laborales.",
            "abierta a nuevas oportunidades laborales",
            SignalKind.PERFORMATIVE_VULNERABILITY,
        ),
        ("No es tan fácil hacer un gran equipo.", "un gran equipo", SignalKind.TEAM_REFERENCE),
        ("Qué equipazo tenemos.", "equipazo", SignalKind.TEAM_REFERENCE),
        (
            "Enhorabuena al equipo por el fin de semana magnífico.",
            "Enhorabuena al equipo",
            SignalKind.GRATITUDE,
        ),
        (
            "Comparto méritos con aquellos que complementaron mi técnica.",
            "mi técnica",
            SignalKind.SELF_REFERENCE,
        ),
        (
            "Me siento orgullosa de ser la primera mujer que llega a presidir la Asociación.",
            "ser la primera mujer que",
            SignalKind.SELF_PROMOTION,
        ),
        (
            "Gracias a todos los equipos donde jugué, fue un honor.",
            "equipos donde jugué",
            SignalKind.SELF_REFERENCE,
        ),
    ],
)
def test_phrase_is_found_with_its_kind(text: str, phrase: str, kind: SignalKind) -> None:
    assert kind in kinds_of(analyze_framing(text, "es"), phrase)


def test_seguimos_is_not_a_collective_claim() -> None:
    analysis = analyze_framing("Gracias a todos. Seguimos 💪", "es")
    weights = weights_of(analysis, "Seguimos")
    assert weights and max(weights) < 1.5


def test_gracias_a_dios_is_ignored() -> None:
    analysis = analyze_framing("Agradecer a Dios por esta experiencia.", "es")
    assert not [s for s in analysis.signals if s.kind in {SignalKind.GRATITUDE, SignalKind.MENTION}]


def test_me_ayudo_with_a_thing_as_subject_is_not_thanks() -> None:
    analysis = analyze_framing("Pensar en este objetivo me ayudó a investigar.", "es")
    assert not [s for s in analysis.signals if s.kind is SignalKind.GRATITUDE]


@pytest.mark.parametrize(
    "text",
    [
        "Pero no nos engañemos, los premios suelen recaer en una sola persona.",
        "Mis objetivos fueron cumplidos a lo largo de todos estos años.",
        "Una jefa que escapa de todos los malos adjetivos.",
    ],
)
def test_turns_of_phrase_that_name_no_group_are_ignored(text: str) -> None:
    analysis = analyze_framing(text, "es")
    assert not [s for s in analysis.signals if s.kind is SignalKind.COLLECTIVE_REFERENCE]


def test_learning_a_lot_is_not_a_staged_failure() -> None:
    # "He aprendido muchísimo" closes many posts about a good experience: no failure story.
    analysis = analyze_framing("He podido ser ponente y he aprendido muchísimo con ello.", "es")
    kinds = kinds_of(analysis, "he aprendido muchísimo")
    assert kinds == {SignalKind.SELF_REFERENCE}


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # The rubric: "thanks to everyone who supported me" does not change the label.
        ("GRACIAS a tod@s los que me habéis apoyado.", "GRACIAS a tod@s los que"),
        # Fans and readers thanked as audience do not change the label either.
        ("Gracias a los aficionados de los equipos en que he jugado.", "Gracias a los aficionados"),
        # A retiring player thanking football thanks an audience, not a colleague.
        ("Hoy sólo queda decirle gracias al fútbol.", "gracias al fútbol"),
    ],
)
def test_generic_or_audience_thanks_weigh_less_than_thanks_to_someone(
    text: str, phrase: str
) -> None:
    generic = weights_of(analyze_framing(text, "es"), phrase)
    named = weights_of(analyze_framing("Gracias a Marta por su trabajo.", "es"), "Gracias a")
    assert generic and named
    assert max(generic) < min(named)


def test_a_name_after_a_congratulation_formula_is_a_mention() -> None:
    analysis = analyze_framing("Un aplauso para Lucía Gómez, que diseñó todo.", "es")
    assert SignalKind.MENTION in kinds_of(analysis, "Lucía Gómez")


def test_juntas_directivas_is_a_board_not_together() -> None:
    # "las juntas Directivas anteriores": a governing board, not "juntas" (together).
    analysis = analyze_framing("Lo logrado por las juntas directivas anteriores.", "es")
    assert not [s for s in analysis.signals if s.kind is SignalKind.TEAM_REFERENCE]


def test_agradecida_con_dios_is_ignored() -> None:
    analysis = analyze_framing("Me siento especialmente agradecida con Dios.", "es")
    assert not [s for s in analysis.signals if s.kind is SignalKind.GRATITUDE]


def test_hemos_hecho_is_a_collective_claim() -> None:
    analysis = analyze_framing("La gesta deportiva que hemos hecho.", "es")
    weights = weights_of(analysis, "hemos hecho")
    assert weights and min(weights) >= 1.5


def test_entre_todos_before_a_noun_is_not_the_group() -> None:
    # "Entre todos los mensajes que me llegaron": "among all the messages", no group.
    analysis = analyze_framing("Entre todos los mensajes que me llegaron, este.", "es")
    assert not [s for s in analysis.signals if s.kind is SignalKind.TEAM_REFERENCE]


def test_gracias_a_que_is_a_conjunction_not_thanks() -> None:
    # "gracias a que" means "because": no one is thanked.
    analysis = analyze_framing("Entré al ecosistema gracias a que conocí los metaversos.", "es")
    assert not [s for s in analysis.signals if s.kind is SignalKind.GRATITUDE]


def test_compliments_thrown_at_the_author_are_not_a_dismissal() -> None:
    # "Echar piropos" is to pay compliments; "me echaron" alone would read as "they fired me".
    analysis = analyze_framing("Me dijeron cosas bonitas y hasta piropos me echaron.", "es")
    assert not [s for s in analysis.signals if s.kind is SignalKind.PERFORMATIVE_VULNERABILITY]
