namespace Network.Contracts;

/// <summary>
/// The youth's own say from 16 in one family: <see cref="Mine"/> for the youth themself (what their
/// parents see about them, per category), <see cref="Decided"/> for a parent (which youths decide
/// themselves, never what they hide).
/// </summary>
public sealed record YouthSayView(Guid FamilyId, string FamilyName, long Version, YouthOwnSayView? Mine, IReadOnlyList<YouthDecidesView> Decided);

/// <summary>The youth's own choices; <see cref="HasSay"/> from 16, before that the parents with gezag see it as the table says.</summary>
public sealed record YouthOwnSayView(
    Guid YouthId, int Age, bool HasSay, IReadOnlyList<YouthChoiceView> Categories, IReadOnlyList<InformationCategory> ParentsSeeAnyway);

/// <summary>One category the youth decides on; <see cref="ChosenAt"/> null while they made no choice (then the parents do not see it).</summary>
public sealed record YouthChoiceView(InformationCategory Category, bool ParentsSee, DateTimeOffset? ChosenAt);

/// <summary>For a parent: this youth decides themself what the parent sees; <see cref="LastChoiceAt"/> when they last chose.</summary>
public sealed record YouthDecidesView(Guid YouthId, string Name, DateTimeOffset? LastChoiceAt);

public sealed record YouthSayRequest(bool? ParentsSee);
