def same_grassroots(enterprise, union) -> bool:
    """The enterprise is organised by the union's grassroots union or one of its branches:
    an enterprise's own contract, offer, congress or disclosure belongs to that union."""
    return bool(enterprise.union_id) and enterprise.union.grassroots_id == union.grassroots_id
