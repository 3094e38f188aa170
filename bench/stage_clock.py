"""Wall seconds per stage of a bench peer: `clock.lap("read")` after each stage, `clock.save(path)` at the end."""
import json
import time


class StageClock:
    def __init__(self):
        self.seconds = {}
        self._last = time.perf_counter()

    def lap(self, name):
        """Adds the time since the last lap (or the start) to stage `name`."""
        now = time.perf_counter()
        self.seconds[name] = self.seconds.get(name, 0.0) + now - self._last
        self._last = now

    def save(self, path, **extra):
        """Writes the stages (and `extra`) as JSON to `path`, when one is given."""
        if path:
            with open(path, "w") as f:
                json.dump({**self.seconds, **extra}, f)
