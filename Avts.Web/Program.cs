using Avts.Engine;

// Minimal host until the dashboard issue lands: it reports its version and health, bound to loopback by default.
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["urls"] ?? "http://127.0.0.1:5080");
var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "Healthy", version = EngineInfo.Version }));
app.MapGet("/", () => Results.Text($"Avts {EngineInfo.Version}: the dashboard is not built yet; use ./avts check FILE.\n"));
await app.RunAsync();
