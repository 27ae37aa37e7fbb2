from django.shortcuts import render


def not_found(request, exception=None):
    return render(request, "core/404.html", status=404)
