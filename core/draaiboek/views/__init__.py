"""The one reading of a training for output: what every exporter shows, to whom and when.

Exporters format what these views give them; they do not decide visibility, fallbacks or timing themselves.
Importing this package stays light (no markdown-it, no pptx, no openpyxl).
"""

from draaiboek.views.timeline import END, ItemView, Moment, SessionView, StepView
from draaiboek.views.training import RevealView, TrainingView, training_view

__all__ = ["END", "ItemView", "Moment", "RevealView", "SessionView", "StepView", "TrainingView", "training_view"]
