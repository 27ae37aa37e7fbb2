"""This app's rows of the permission table (tests/core/test_permissions.py) and the objects they name.

ROWS use the table's format: (action, target name, (foc, edi, inf, cou, coo, adm, cit, rep, ano)).
"""

Y, N = True, False

# fmt: off
ROWS = [
    # action                         target                         foc edi inf cou coo adm cit rep ano
    ("training.view_course",         "published course of A",       (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("training.view_course",         "draft course of A",           (Y, Y, Y, N, Y, Y, N, N, N)),
    ("training.view_course",         "draft course of B",           (N, N, N, N, Y, Y, N, N, N)),
    ("training.view_course",         "draft network course",        (N, N, N, N, Y, Y, N, N, N)),
    ("training.manage_course",       "published course of A",       (Y, Y, N, N, N, Y, N, N, N)),
    ("training.manage_course",       "published course of B",       (N, N, N, N, N, Y, N, N, N)),
    ("training.manage_course",       "draft network course",        (N, N, N, N, Y, Y, N, N, N)),
    ("training.manage_course",       "session of a course of A",    (Y, Y, N, N, N, Y, N, N, N)),
    ("training.manage_course",       "session of a course of B",    (N, N, N, N, N, Y, N, N, N)),
    ("training.view_participants",   "published course of A",       (Y, Y, Y, N, Y, Y, N, N, N)),
    ("training.view_participants",   "published course of B",       (N, N, N, N, Y, Y, N, N, N)),
    ("training.view_participants",   "enrolment in a course of A",  (Y, Y, Y, N, Y, Y, N, N, N)),
    ("training.view_participants",   "enrolment in a course of B",  (N, N, N, N, Y, Y, N, N, N)),
    ("training.enrol",               "published course of A",       (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("training.enrol",               "published course of B",       (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("training.enrol",               "draft course of A",           (N, N, N, N, N, Y, N, N, N)),
    ("training.enrol",               "draft course of B",           (N, N, N, N, N, Y, N, N, N)),
]
# fmt: on


def targets(request, commune_a, commune_b, actors, someone):
    from infitah.training.models import CourseSession, Enrolment
    from tests.training.factories import CourseFactory, training_event

    course_a = CourseFactory(collectivity=commune_a)
    course_b = CourseFactory(collectivity=commune_b)
    return {
        "published course of A": course_a,
        "published course of B": course_b,
        "draft course of A": CourseFactory(collectivity=commune_a, is_published=False),
        "draft course of B": CourseFactory(collectivity=commune_b, is_published=False),
        "draft network course": CourseFactory(collectivity=None, is_published=False),
        "session of a course of A": CourseSession.objects.create(course=course_a, event=training_event(commune_a)),
        "session of a course of B": CourseSession.objects.create(course=course_b, event=training_event(commune_b)),
        "enrolment in a course of A": Enrolment.objects.create(course=course_a, user=someone),
        "enrolment in a course of B": Enrolment.objects.create(course=course_b, user=someone),
    }
