"""The rules of DOMAIN.md as pure functions over plain facts: no session, no clock, no Qt.

They import nothing of the program but the shared vocabulary (`db.codes`, `db.dates`).
"""
