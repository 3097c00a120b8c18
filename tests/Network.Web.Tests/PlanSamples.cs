namespace Network.Web.Tests;

/// <summary>A family plan as the API sends it, for the plan's component tests.</summary>
internal static class PlanSamples
{
    public static readonly Guid FamilyId = Guid.CreateVersion7();
    public static readonly Guid BoardId = Guid.CreateVersion7();
    public static readonly Guid Sanne = Guid.CreateVersion7();
    public static readonly Guid Daan = Guid.CreateVersion7();
    public static readonly Guid Noor = Guid.CreateVersion7();
    public static readonly Guid Fatima = Guid.CreateVersion7();
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static PlanItemView Item(
        ItemKind kind, string text, long version = 1, bool mayRevise = false, bool mayScale = false, bool maySetStatus = false,
        bool mayDecide = false, string? target = null, IReadOnlyList<ScaleView>? scales = null, Guid? goalId = null, DateOnly? due = null,
        OwnerView? owner = null, ActionStatus? status = null, string? statusReason = null, bool overdue = false, bool forNetwork = false,
        ProposalState proposal = ProposalState.None, string? proposalReason = null, string author = "Fatima El Amrani",
        ActorRole role = ActorRole.NeighbourhoodTeam, IReadOnlyList<PersonRef>? about = null) =>
        new(Guid.CreateVersion7(), version, kind, text, about ?? [], author, role, Monday, Monday, false,
            target, scales ?? [], goalId, due, owner, kind == ItemKind.Action ? status ?? ActionStatus.Open : status, statusReason, overdue,
            forNetwork, proposal, proposalReason, mayRevise, mayScale, maySetStatus, mayDecide);

    public static PlanView Plan(
        IReadOnlyList<PlanItemView>? worries = null, IReadOnlyList<PlanItemView>? strengths = null, IReadOnlyList<GoalView>? goals = null,
        IReadOnlyList<PlanItemView>? proposals = null, IReadOnlyList<PlanVersionView>? versions = null,
        bool mayWrite = false, bool mayPropose = false, bool mayPublish = false, bool mayAgree = false) =>
        new(FamilyId, "Gezin Jansen", BoardId, Fatima, "Fatima El Amrani",
            worries ?? [], strengths ?? [], goals ?? [], proposals ?? [], versions ?? [],
            [new PersonRef(Sanne, "Sanne Jansen"), new PersonRef(Daan, "Daan Jansen")],
            [new OwnerChoice(Fatima, null, "Fatima El Amrani", "Professional"), new OwnerChoice(null, Sanne, "Sanne Jansen", "Parent")],
            mayWrite, mayPropose, mayPublish, mayAgree);

    public static PlanVersionView Version(
        int number, IReadOnlyList<PlanEntryView>? entries = null, PlanDiffView? diff = null,
        IReadOnlyList<AgreementView>? agreements = null, IReadOnlyList<PersonRef>? awaiting = null) =>
        new(Guid.CreateVersion7(), number, Monday.AddDays(number), "Fatima El Amrani", entries ?? [], diff ?? new PlanDiffView([], [], [], []),
            agreements ?? [], awaiting ?? []);
}
