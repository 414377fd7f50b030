"""The margins an answer must clear: how close two different answers may score (``CONTESTED_MARGIN``)
and how firm a who-answer's evidence must be (``WHO_MIN_FIT``, ``WHO_MARGIN``, ``WHO_TIE``)."""

from __future__ import annotations


# Two different answers whose scores are closer than this are a coin toss: no answer. (0.15 is half
# of a 10% difference in coverage, weighted 3, or a retrieval rank 3 vs 5.)
CONTESTED_MARGIN = 0.15


# A who-answer names a unit, and a wrong unit is worse than none, so its evidence must be firm
# (every who-answer right on the tuning halves meets all three; they are not met by chance):
# - every word of the subject is said by the unit's sentence, its headings or its document (or
#   credited by the model, semantic.py): ``Support.ok`` lets a fifth of it be missing, and a unit
#   whose sentence leaves a word of the question unsaid is often acting on something else. Only
#   for Vietnamese questions, whose words are the asker's own: an English question's words are a
#   glossary's senses, and one the documents word otherwise is no evidence against the unit (with
#   a share of the glossary removed, bench/ask_dropout.py, gating English too lost 4-5 right of 79);
# - a role the question asks is the unit's stated role or a verb of it opening its task
#   (``roles.role_fit`` >= ``WHO_MIN_FIT``), not a unit that merely "carries out" beside the lead;
# - the best unit leads the best unit of another sentence by ``WHO_MARGIN`` (a wider margin than
#   ``CONTESTED_MARGIN``: right who-answers on the tuning halves lead by 0.29 or more).
WHO_MIN_FIT = 0.7
WHO_MARGIN = 0.25
WHO_TIE = 0.05
WHO_TIE_RIVALS = 5
