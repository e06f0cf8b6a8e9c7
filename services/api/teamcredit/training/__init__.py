"""Offline tooling for the framing model: the real-post corpus and the fitting script.

Nothing in the service imports this package; it needs the development extras
(scikit-learn) and a checkout of the repository (the corpus is test data).
"""
