namespace Avts.Tests.Web;

/// <summary>The fields of GET /healthz the tests read.</summary>
internal sealed record HealthView(string Status, long Windows, string Method);
