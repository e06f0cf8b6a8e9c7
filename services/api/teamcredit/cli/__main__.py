from teamcredit.cli import main

main()
