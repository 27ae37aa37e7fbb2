"""Access to information (law 31-13). Not an installed app yet: only its pure deadline rules exist so far."""
