namespace Kennisplatform.Testing.Cluster;

/// <summary>
/// A throwaway PostgreSQL cluster on a free 127.0.0.1 port (Debian's package, never the system cluster), set up with
/// the guide's settings (postgresql-kennisplatform.conf, pg_hba-kennisplatform.conf) and the guide's create-database.sql.
/// As root the cluster belongs to the postgres user, since initdb refuses to run as root.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string folder;
    private readonly string bin;

    private PostgresServer(string folder, string bin, int port, string password)
    {
        this.folder = folder;
        this.bin = bin;
        Port = port;
        Password = password;
    }

    public int Port { get; }
    /// <summary>The platform account's password, made up for this run.</summary>
    public string Password { get; }
    private string Data => Path.Combine(folder, "data");
    private static string? Owner => Processes.IsRoot ? "postgres" : null;

    /// <summary>psql as the superuser over the cluster's own socket, with ON_ERROR_STOP; returns its output.</summary>
    public Task<string> PsqlAsync(string script, params string[] arguments) =>
        Processes.RunAsync(Path.Combine(bin, "psql"),
            ["-h", folder, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-d", "postgres",
             "-v", "ON_ERROR_STOP=1", "-X", "-q", "-A", "-t", .. arguments, "-f", "-"], Owner, input: script);

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(Directory.Exists).Order().LastOrDefault()
            : null;
        if (bin is null)
            throw new InvalidOperationException("PostgreSQL is not installed (apt-get install postgresql); .ci/run installs it.");
        var folder = Directory.CreateTempSubdirectory("kp-cluster-pg-").FullName;
        if (Processes.IsRoot)
            await Processes.RunAsync("chown", ["postgres", folder]);
        var server = new PostgresServer(folder, bin, Ports.Free(), Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)));
        try
        {
            await server.InitAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task InitAsync()
    {
        await Processes.RunAsync(Path.Combine(bin, "initdb"), ["-D", Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"], Owner);
        // The guide's settings, then what only a throwaway cluster may do: no waiting for the disk.
        var conf = Path.Combine(folder, "kennisplatform.conf");
        await File.WriteAllTextAsync(conf, DeploymentFiles.Read("postgresql-kennisplatform.conf"));
        await File.AppendAllTextAsync(Path.Combine(Data, "postgresql.conf"), $"\ninclude '{conf}'\nfsync = off\nsynchronous_commit = off\n");
        // The guide's pg_hba lines (password for the platform over TCP); the superuser only over this cluster's socket.
        await File.WriteAllTextAsync(Path.Combine(Data, "pg_hba.conf"),
            "local all postgres trust\n" + DeploymentFiles.Read("pg_hba-kennisplatform.conf"));
        if (Processes.IsRoot)
            await Processes.RunAsync("chown", ["-R", "postgres", folder]);
        await Processes.RunAsync(Path.Combine(bin, "pg_ctl"),
            ["-D", Data, "-l", Path.Combine(folder, "log"), "-w", "-t", "60", "start",
             "-o", $"-p {Port} -k {folder} -c listen_addresses=127.0.0.1"], Owner, limit: TimeSpan.FromSeconds(90));
        await PsqlAsync(DeploymentFiles.Read("create-database.sql"), "-v", "password=" + Password);
    }

    public string Log() => File.Exists(Path.Combine(folder, "log")) ? File.ReadAllText(Path.Combine(folder, "log")) : "";

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Processes.RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Data, "-m", "immediate", "stop"], Owner);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
