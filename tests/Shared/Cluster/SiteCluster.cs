using System.Globalization;
using System.Net;

namespace Kennisplatform.Testing.Cluster;

/// <summary>
/// The deployment of docs/deployment.md on one machine: PostgreSQL, several platform nodes started together, and nginx
/// in front. Everything on free 127.0.0.1 ports and in temporary folders; disposing stops all of it.
/// </summary>
public sealed class SiteCluster : IAsyncDisposable
{
    public const string SettingsFile = "kennisplatform.env";

    private readonly string stateRoot;
    private readonly Dictionary<string, string> settings;

    private SiteCluster(PostgresServer database, string stateRoot, Dictionary<string, string> settings)
    {
        Database = database;
        this.stateRoot = stateRoot;
        this.settings = settings;
    }

    public PostgresServer Database { get; }
    public List<PlatformNode> Nodes { get; } = [];
    public NginxBalancer Balancer { get; private set; } = null!;
    /// <summary>The connection string the nodes use (the platform's own account, with its password).</summary>
    public string ConnectionString => settings["KENNISPLATFORM_DATABASE"];

    public static async Task<SiteCluster> StartAsync(int nodes, bool withStaticFile = false)
    {
        var ports = NginxBalancer.ChoosePorts();
        var settingsText = DeploymentFiles.Read(SettingsFile);
        var database = await PostgresServer.StartAsync();
        var cluster = new SiteCluster(database, Directory.CreateTempSubdirectory("kp-cluster-nodes-").FullName, []);
        try
        {
            foreach (var (key, value) in DeploymentFiles.EnvironmentLines(settingsText
                .ReplaceExample("Port=5432", $"Port={database.Port.ToString(CultureInfo.InvariantCulture)}", SettingsFile)
                .ReplaceExample("Password=VERVANG-DIT", $"Password={database.Password}", SettingsFile)
                .ReplaceExample("https://kennisplatform.example.nl", $"https://127.0.0.1:{ports.Https}", SettingsFile), SettingsFile))
                cluster.settings[key] = value;
            var settings = cluster.settings;
            // All nodes start at the same moment: exactly one may migrate and import the seed content.
            for (var i = 0; i < nodes; i++)
                cluster.Nodes.Add(PlatformNode.Start(Ports.Free(), cluster.stateRoot, settings));
            await Task.WhenAll(cluster.Nodes.Select(n => n.WaitReadyAsync(TimeSpan.FromMinutes(5))));
            cluster.Balancer = await NginxBalancer.StartAsync(cluster.Nodes.Select(n => n.Port).ToList(), ports, withStaticFile);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A browser through the balancer: https, cookies kept, redirects not followed.</summary>
    public HttpClient Browser() => new(Balancer.Handler(new CookieContainer())) { BaseAddress = Balancer.Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A client through the balancer without cookies.</summary>
    public HttpClient Visitor() => new(Balancer.Handler()) { BaseAddress = Balancer.Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The executable's verbs (create-admin, ...) run with the nodes' shared settings, as an operator would.</summary>
    public Task<string> RunVerbAsync(string? input, params string[] arguments) =>
        Processes.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "Kennisplatform.Web.dll"), .. arguments], input: input,
            limit: TimeSpan.FromMinutes(2),
            environment: new Dictionary<string, string>(settings) { ["KENNISPLATFORM_DATA"] = Path.Combine(stateRoot, "command") });

    public string Diagnostics() =>
        string.Join("\n", Nodes.Select(n => $"--- node {n.Name} (exited: {n.HasExited})\n{n.Output()}"))
        + $"\n--- nginx\n{Balancer?.ErrorLog()}\n--- postgres\n{Database.Log()}";

    public async ValueTask DisposeAsync()
    {
        if (Balancer is not null)
            await Balancer.DisposeAsync();
        await Task.WhenAll(Nodes.Select(n => n.DisposeAsync().AsTask()));
        await Database.DisposeAsync();
        try { Directory.Delete(stateRoot, recursive: true); } catch (IOException) { }
    }
}
