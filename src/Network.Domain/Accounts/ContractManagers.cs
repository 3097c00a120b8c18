using Network.Domain.Authorization;
using Network.Domain.Families;

namespace Network.Domain.Accounts;

/// <summary>
/// The municipality's contract manager is an account like a professional's (created by a functional
/// administrator, activated by mail, two factors), but of a municipality, and without any standing:
/// they read aggregate figures and nothing else.
/// </summary>
public static class ContractManagers
{
    public const string NeedsMunicipality = "account.contract-manager-needs-municipality";

    /// <summary>The roles an administrator gives a new account: a professional's, or a contract manager's.</summary>
    public static bool IsAccountRole(ActorRole role) => AccountPolicy.IsProfessionalRole(role) || role == ActorRole.ContractManager;

    /// <summary>Why this role cannot be held in an organisation of this type (null when it can).</summary>
    public static string? CannotHold(ActorRole role, OrganisationType organisation) =>
        role == ActorRole.ContractManager && organisation != OrganisationType.Municipality ? NeedsMunicipality : null;
}
