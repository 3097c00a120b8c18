namespace Network.Domain.Common;

/// <summary>A user account (professional, parent, youth, network member or administrator).</summary>
public readonly record struct UserId(Guid Value)
{
    public static UserId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

/// <summary>A family (gezin): the unit around which a network and its boards are formed.</summary>
public readonly record struct FamilyId(Guid Value)
{
    public static FamilyId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

/// <summary>A board of a family: its main board or a themed one.</summary>
public readonly record struct BoardId(Guid Value)
{
    public static BoardId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

/// <summary>An item on a board (note, observation, document, ...).</summary>
public readonly record struct ItemId(Guid Value)
{
    public static ItemId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

/// <summary>An organisation: neighbourhood team, youth-care provider, GI, ...</summary>
public readonly record struct OrganisationId(Guid Value)
{
    public static OrganisationId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

/// <summary>A court measure or Child Protection Board investigation.</summary>
public readonly record struct MeasureId(Guid Value)
{
    public static MeasureId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

/// <summary>An out-of-home placement.</summary>
public readonly record struct PlacementId(Guid Value)
{
    public static PlacementId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}
