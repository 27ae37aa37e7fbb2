"""What co-evaluation tells the rest of the platform.

`campaign_settled` is sent (with `campaign=`) once, when a campaign's scores are settled: both assessments
submitted and every discrepancy reconciled. The openness index connects to it to compute the member's index; the
assessments call nothing of the index's.
"""

from django.dispatch import Signal

campaign_settled = Signal()
