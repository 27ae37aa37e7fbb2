"""Petitions to the councils of territorial collectivities (organic laws 111-14, 112-14, 113-14)."""
