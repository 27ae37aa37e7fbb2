from django.db import models


class Notice(models.Model):
    collectivity = models.ForeignKey("territories.Collectivity", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=200)
    text = models.TextField(max_length=2000, blank=True)
    is_published = models.BooleanField(default=False)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("noticeboard:notice", args=[self.pk])
