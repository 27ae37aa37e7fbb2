"""Public pages of training: the courses, a course with its sessions and materials, enrolment, the certificate,
its public verification, and the capacity of every member."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from infitah.core import csv as safe_csv
from infitah.core.pdf import render_pdf
from infitah.core.permissions import Refused, can, require
from infitah.core.translation import tr
from infitah.training import capacity, selectors, services
from infitah.training.forms import CourseFilterForm
from infitah.training.models import Course, Enrolment

COURSES_PER_PAGE = 30


def visible_course_or_404(request, pk) -> Course:
    try:
        course = selectors.course_detail(pk)
    except Course.DoesNotExist:
        raise Http404(_("There is no course at this address.")) from None
    if not can(request.user, "training.view_course", course):
        raise Http404(_("There is no course at this address."))
    return course


def course_list(request):
    form = CourseFilterForm(request.GET or None)
    courses = selectors.course_list(request.user, form.audience_chosen())
    page = Paginator(courses, COURSES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "training/list.html", {"form": form, "page": page, "filtered": bool(request.GET)})


def course_detail(request, pk):
    course = visible_course_or_404(request, pk)
    # The reader's enrolment and the sessions it opens are the page's personal parts (templatetags/course_reader.py).
    return render(
        request,
        "training/detail.html",
        {
            "course": course,
            "materials": selectors.course_materials(course),
        },
    )


@login_required
@require_POST
def enrol(request, pk):
    course = visible_course_or_404(request, pk)
    require(request.user, "training.enrol", course)
    try:
        services.enrol(request.user, course)
    except services.TrainingRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request, _("You are enrolled. Register to each session on its page: the seats are counted there.")
        )
    return redirect(course)


@login_required
@require_POST
def withdraw(request, pk):
    course = visible_course_or_404(request, pk)
    enrolment = selectors.own_enrolment(request.user, course)
    try:
        if enrolment is None:
            raise services.TrainingRefused(_("You are not enrolled in this course."))
        services.withdraw(enrolment)
    except services.TrainingRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("You withdrew from the course."))
    return redirect(course)


@login_required
def certificate(request, pk, language):
    course = visible_course_or_404(request, pk)
    if language not in ("ar", "fr"):
        raise Http404(_("Certificates exist in Arabic and French."))
    enrolment = (
        Enrolment.objects.select_related("user")
        .filter(course=course, user=request.user, completed_at__isnull=False, certificate_code__isnull=False)
        .first()
    )
    if enrolment is None:
        raise Refused(_("A course certificate is given to the people who completed the course."))
    pdf = render_pdf("training/certificate.html", {"course": course, "enrolment": enrolment}, language)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="course-certificate-{course.pk}-{language}.pdf"'
    return response


def verify(request, code):
    """Anyone holding a certificate's code checks it: the name, the course, the date; nothing else."""
    enrolment = selectors.certificate_by_code(code)
    return render(
        request, "training/verify.html", {"enrolment": enrolment, "code": code[:20]}, status=200 if enrolment else 404
    )


def capacity_table(request):
    rows = capacity.table()
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="capacity-per-member.csv"'
        response.write(safe_csv.BOM)
        writer = safe_csv.writer(response)
        writer.writerow(capacity.CSV_HEADER)
        for row in rows:
            writer.writerow(
                [
                    row.collectivity.code,
                    str(tr(row.collectivity.name)),
                    *(getattr(row, name) for name in capacity.CSV_HEADER[2:]),
                ]
            )
        return response
    return render(request, "training/capacity.html", {"rows": rows, "totals": capacity.network_totals()})
