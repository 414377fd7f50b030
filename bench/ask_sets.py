"""How each answer set in bench/data is used, in one place (bench/ask_halves.py measures by it,
bench/report.py describes by it): "odd" — its odd lines tuned on, its even lines held back; "whole" —
tuned on whole (fresh6 calibrated abstention); "never" — never tuned on, both halves held back. A new
blind set starts as "never" and stays so until a session decides to tune on its odd lines."""

ROLES = {"blind": "odd", "fresh": "odd", "fresh2": "odd", "fresh3": "odd", "fresh4": "odd", "fresh5": "odd",
         "fresh6": "whole", "fresh7": "odd", "fresh8": "never", "fresh9": "odd", "fresh10": "never",
         "fresh11": "odd", "fresh12": "odd", "fresh13": "never", "fresh14": "odd", "fresh15": "odd",
         "fresh16": "odd", "fresh17": "odd", "fresh18": "odd",
         "fresh19": "never", "fresh20": "never", "fresh21": "odd",
         "fresh22": "odd", "fresh23": "odd", "fresh24": "odd", "fresh25": "odd",
         "fresh26": "odd", "fresh27": "odd", "fresh28": "odd", "fresh29": "odd",
         "fresh30": "odd", "fresh31": "odd", "fresh32": "odd", "fresh33": "odd",
         "fresh34": "odd", "fresh35": "odd", "fresh36": "odd", "fresh37": "odd",
         "fresh38": "odd",
         "fresh39": "odd",
         "fresh40": "odd",
         "fresh41": "odd",
         "fresh42": "odd",
         "fresh43": "odd",
         "fresh44": "odd",
         "fresh45": "odd",
         "fresh46": "odd",
         "fresh47": "odd",
         "fresh48": "odd",
         "fresh49": "odd",
         "fresh50": "odd",
         "fresh51": "odd",
         "fresh52": "odd",
         "fresh53": "odd",
         "fresh54": "odd",
         "fresh55": "odd",
         "fresh56": "odd",
         "fresh57": "odd",
         "fresh58": "odd",
         "fresh59": "odd",
         "fresh60": "odd",
         "fresh61": "odd",
         "fresh62": "never"}

# The halves of each role that are tuned on, and those held back.
TUNED_HALVES = {"odd": ("odd",), "whole": ("odd", "even"), "never": ()}
HELD_HALVES = {"odd": ("even",), "whole": (), "never": ("odd", "even")}
