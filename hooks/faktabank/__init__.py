"""Finsam faktabank: load, validate, model and render the data under data/."""
