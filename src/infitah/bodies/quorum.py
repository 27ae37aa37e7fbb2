"""The quorum of an advisory body's meeting (pure): more than half of its members, as the bodies' rules of
procedure say ("the body deliberates validly only when more than half of its members are present")."""


def quorum_for(members: int) -> int:
    """How many members must be present for a body of `members` members to deliberate."""
    if members < 0:
        raise ValueError("a body cannot have fewer than no members")
    return members // 2 + 1
