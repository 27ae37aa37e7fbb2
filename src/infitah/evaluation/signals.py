"""What co-evaluation tells the rest of the app.

`campaign_settled` (sender=Campaign, campaign=<Campaign>): a campaign's scores are settled (both parties
submitted, discrepancies reconciled); the index part recomputes the member's index for that year.
"""

from django.dispatch import Signal

campaign_settled = Signal()
