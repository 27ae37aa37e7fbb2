"""Who may do what in this app: one @rule per action, asked through core.permissions.can()."""
