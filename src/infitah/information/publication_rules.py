"""Who keeps a collectivity's proactive-publication catalogue (arts. 10–13)."""
