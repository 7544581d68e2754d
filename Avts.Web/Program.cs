using Avts.Engine.Checking;
using Avts.Engine.Media;
using Avts.Live.Pipeline;
using Avts.Web.Api;
using Avts.Web.Cluster;
using Avts.Web.Diagnostics;
using Avts.Web.Engine;
using Avts.Web.Hubs;
using Avts.Web.Options;
using Avts.Web.Persistence;
using Avts.Web.Qa;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace Avts.Web;

/// <summary>
/// The web host: live engine, SignalR hub at /hubs/sync, REST API under /api, /healthz and /openapi/v1.json, bound to
/// 127.0.0.1:5080 unless <c>urls</c> / ASPNETCORE_URLS say otherwise. (A named class rather than top-level statements:
/// the test project also sees the CLI's Program.)
/// </summary>
public sealed class Program
{
    /// <summary>The Host names always answered (the loopback bind's own names).</summary>
    public static readonly IReadOnlyList<string> LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    private Program()
    {
    }

    /// <summary>Runs the host until Ctrl-C / SIGTERM.</summary>
    public static async Task Main(string[] args)
    {
        global::Avts.Engine.Model.OpenMpWaitPolicy.PreferPassive();
        await using var app = Build(args);
        await app.RunAsync();
    }

    /// <summary>Builds the host (services, then endpoints).</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            // Loopback by default: the control API must be exposed on purpose, not by accident.
            builder.WebHost.UseUrls("http://127.0.0.1:5080");
        }

        AddAvts(builder.Services, builder.Configuration);
        var app = builder.Build();
        // Errors as problem details: an unexpected exception is a 500 without a stack trace in the answer, and an
        // empty 4xx from the framework (a query that does not bind) gets a body.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        // The dashboard: plain files from wwwroot (index.html at "/"), no CDN and no build step.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        // Routing first, so the guard sees each endpoint's key and origin rules before the endpoint reads its body.
        app.UseRouting();
        app.UseMiddleware<RequestGuardMiddleware>();
        app.MapOpenApi();
        app.MapAvtsHealth();
        app.MapAvtsApi();
        app.MapAvtsQa();
        app.MapHub<SyncHub>("/hubs/sync").WithMetadata(ApiKeyRequirement.Hub, SameOriginRequirement.Instance);
        return app;
    }

    /// <summary>Registers the options, engine, hub, persistence and metrics services.</summary>
    public static void AddAvts(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AvtsWebOptions>().Bind(configuration.GetSection(AvtsWebOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LiveEngineOptions>().Bind(configuration.GetSection(LiveEngineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(_ => EstimatorRegistry.CreateDefault());
        services.AddSingleton<IValidateOptions<AvtsWebOptions>, AvtsWebOptionsValidator>();
        services.AddSingleton<IValidateOptions<LiveEngineOptions>, LiveEngineOptionsValidator>();
        services.AddOptions<ClusterOptions>().Bind(configuration.GetSection(ClusterOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>();
        services.AddSingleton<NodeIdentity>();
        services.AddSingleton<DependencyHealth>();

        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<AvtsMetrics>();
        services.AddSingleton<DataPaths>();
        services.AddSingleton<IDatabaseDialect>(sp =>
            sp.GetRequiredService<IOptions<AvtsWebOptions>>().Value.DatabaseProvider == DatabaseProvider.PostgreSql
                ? PostgreSqlDialect.Instance
                : SqliteDialect.Instance);
        services.AddSingleton(sp => new AvtsDatabase(sp.GetRequiredService<IDatabaseDialect>(), sp.GetRequiredService<DataPaths>().ConnectionString));
        services.AddSingleton<StreamStore>();
        services.AddSingleton<HistoryStore>();
        services.AddSingleton<HistoryChannel>();
        services.AddSingleton<BroadcastChannel>();
        services.AddSingleton<SyncGroups>();
        services.AddSingleton<StreamBoard>();
        services.AddSingleton<StreamLocationPolicy>();
        services.AddSingleton<ScoringHealth>();
        services.AddSingleton<PipelineHealth>();
        services.AddHealthChecks().AddCheck<PipelineHealthCheck>("pipeline", tags: ["live"]);
        services.AddSingleton<ILiveSourceFactory, LiveInputSourceFactory>();
        services.AddSingleton<QaPathGuard>();
        services.AddSingleton<QaFolders>();
        services.AddSingleton<QaJobBoard>();
        services.AddSingleton<QaStore>();
        services.AddSingleton(sp => new SyncCheckService(
            new FfmpegMediaOpener(), sp.GetRequiredService<EstimatorRegistry>(), sp.GetRequiredService<ILogger<SyncCheckService>>()));
        services.AddSingleton(sp => new FixService(sp.GetRequiredService<SyncCheckService>()));
        services.AddSingleton<QaCheck>();

        // The live method is configuration (Avts:Live:Method); the scorer owns its estimator and is disposed with the host.
        services.AddSingleton<IWindowScorer>(sp =>
        {
            var live = sp.GetRequiredService<IOptions<LiveEngineOptions>>().Value;
            var web = sp.GetRequiredService<IOptions<AvtsWebOptions>>().Value;
            var estimator = sp.GetRequiredService<EstimatorRegistry>().Create(live.Method, web.Weights, web.Landmarks);
            return new WindowScorer(estimator, live.ToLiveOptions());
        });

        // Stopped in reverse order: the engine first (no more results), then the hub loop, then the writer drains.
        services.AddHostedService<HistoryWriter>();
        services.AddHostedService<HubBroadcaster>();
        services.AddHostedService<QaWorker>();
        services.AddSingleton<BenchmarkImporter>();
        services.AddHostedService<BenchmarkImportService>();
        services.AddSingleton<LiveEngineService>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveEngineService>());

        // Host filtering (the framework's middleware, first in the pipeline) on by default: loopback names plus the
        // configured public ones. Set here, the framework's own "AllowedHosts" key (often "*") no longer applies.
        services.AddOptions<HostFilteringOptions>().Configure<IOptions<AvtsWebOptions>>((filter, avts) =>
            filter.AllowedHosts = [.. LoopbackHosts, .. avts.Value.AllowedHosts]);

        var signalR = services.AddSignalR().AddMessagePackProtocol();
        var cluster = configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();
        if (cluster.Enabled)
        {
            services.AddAvtsCluster(signalR, cluster);
        }
        else
        {
            services.AddSingleton<IStreamDirectory, LocalStreamDirectory>();
            services.AddSingleton<IStreamControl>(sp => sp.GetRequiredService<LiveEngineService>());
        }

        services.AddOpenApi();
        services.AddProblemDetails();
        // A query or route value that does not bind is the client's 400 in every environment, not a thrown exception.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
    }
}
