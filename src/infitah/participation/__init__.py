"""Shared participation services: comments, supports, follows, notifications, reports and moderation,
the audit log of staff actions and attachments, for any object a capability registers (see targets.py).

Public API for the capabilities built on it (the consultations app first):

- targets.register_target(ParticipationTarget(...)), targets.ParticipationRefused
- comments.post_comment / edit_comment; supports.support / withdraw_support / support_count / has_supported;
  follows.follow / unfollow / is_following; notifications.register_verb / notify / followers_of
- moderation.report / hide / restore; models.Hideable (to make a contribution hideable)
- rules.may_read_text(user, obj): who reads a hidden item's text (its author and its collectivity's moderators)
- audit.audit(actor, action, obj, changes), audit.field_values (the log's one serialiser of "before and after");
  attachments.attach / check_upload
- parts.Part / editable_or_refused: the staff pages that edit a part of an object (save or explain, confirm then
  remove), each save and removal audited with the values before and after
- selectors.with_participation; threads.place_in / thread_page (a thread a page at a time, its counts kept)
- template tags in templatetags/participation.py; URL names under the "participation" namespace
"""
