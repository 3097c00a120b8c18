namespace Network.Web.Api;

/// <summary>The result of a call: a value (with its version, from the ETag) or the API's problem.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem, long? Version = null)
{
    public bool Ok => Problem is null;

    /// <summary>Someone else changed it since it was read (412): reload and try again.</summary>
    public bool Stale => Problem?.Status == 412;

    public bool NotFound => Problem?.Status == 404;
}
