"""What the reminders app adds (cohesion_portal.plugins): its list is reached from the bell in
the top bar, not the sidebar; the demo opens today's reminders once every app's records exist.
The rules themselves are each app's (REMINDER_RULES)."""

DEMO = "reminders.demo"
