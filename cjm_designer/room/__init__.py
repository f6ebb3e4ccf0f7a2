"""The workshop room: a small web server on the laptop's local network through which participants
add cards, vote and comment from their phones. No Qt: the window and the headless `workshop`
command each own the map and receive the room's events."""
