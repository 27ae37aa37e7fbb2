"""Infitah (انفتاح): the platform of Morocco's network of open territorial collectivities."""

__version__ = "0.1.0"
