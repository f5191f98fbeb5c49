from .assessments import Assessment, AssessmentScore, AssessmentStatus, VetoHit
from .plans import Plan, Target
from .scheme import (
    GRADE_ORDER,
    Dimension,
    Grade,
    GradeRule,
    Indicator,
    Method,
    Period,
    Scheme,
    Threshold,
    VetoItem,
)
from .scorecards import RunStatus, Scorecard, ScoringRun
from .surveys import SATISFIED_ANSWERS, Answer, Survey, SurveyResponse, SurveyVoter

__all__ = [
    "GRADE_ORDER",
    "SATISFIED_ANSWERS",
    "Answer",
    "Assessment",
    "AssessmentScore",
    "AssessmentStatus",
    "Dimension",
    "Grade",
    "GradeRule",
    "Indicator",
    "Method",
    "Period",
    "Plan",
    "RunStatus",
    "Scheme",
    "Scorecard",
    "ScoringRun",
    "Survey",
    "SurveyResponse",
    "SurveyVoter",
    "Target",
    "Threshold",
    "VetoHit",
    "VetoItem",
]
