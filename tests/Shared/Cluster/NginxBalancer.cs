using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Kennisplatform.Testing.Cluster;

/// <summary>
/// Its own nginx instance (nginx -c FILE -p DIR, never the system service) running the guide's site configuration
/// (nginx-kennisplatform.conf) with this run's node ports, a self-signed certificate and free ports. For the load
/// benchmark the same server also serves one static file, <c>/static.html</c>: the reference measured beside the pages.
/// </summary>
public sealed class NginxBalancer : IAsyncDisposable
{
    public const string SiteFile = "nginx-kennisplatform.conf";
    private static readonly string[] ExampleNodes = ["127.0.0.1:5001", "127.0.0.1:5002", "127.0.0.1:5003"];

    private readonly string folder;
    private readonly Process process;
    private readonly StringBuilder log;

    private NginxBalancer(string folder, Process process, StringBuilder log, int httpsPort, int httpPort, X509Certificate2 certificate)
    {
        this.folder = folder;
        this.process = process;
        this.log = log;
        HttpsPort = httpsPort;
        HttpPort = httpPort;
        Certificate = certificate;
    }

    public int HttpsPort { get; }
    public int HttpPort { get; }
    public X509Certificate2 Certificate { get; }
    public Uri Address => new($"https://127.0.0.1:{HttpsPort}");

    /// <summary>Chooses the ports first, so the nodes can be told the public address before nginx starts.</summary>
    public static (int Https, int Http) ChoosePorts() => (Ports.Free(), Ports.Free());

    public static async Task<NginxBalancer> StartAsync(IReadOnlyList<int> nodePorts, (int Https, int Http) ports, bool withStaticFile = false)
    {
        var folder = Directory.CreateTempSubdirectory("kp-cluster-nginx-").FullName;
        var certificate = Path.Combine(folder, "cert.pem");
        var key = Path.Combine(folder, "key.pem");
        await Processes.RunAsync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate,
            "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"]);

        var site = Site(nodePorts, ports, certificate, key);
        if (withStaticFile)
        {
            Directory.CreateDirectory(Path.Combine(folder, "static"));
            site = site.ReplaceExample("    location / {", $"    location = /static.html {{ root {folder}/static; }}\n\n    location / {{", SiteFile);
        }
        await File.WriteAllTextAsync(Path.Combine(folder, "kennisplatform.conf"), site);
        foreach (var temp in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" })
            Directory.CreateDirectory(Path.Combine(folder, "tmp", temp));
        var main = $$"""
            daemon off;
            {{(Processes.IsRoot ? "user root root;" : "")}}
            worker_processes auto;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 4096; }
            http {
                access_log off;
                default_type text/html;
                client_body_temp_path {{folder}}/tmp/body;
                proxy_temp_path {{folder}}/tmp/proxy;
                fastcgi_temp_path {{folder}}/tmp/fastcgi;
                uwsgi_temp_path {{folder}}/tmp/uwsgi;
                scgi_temp_path {{folder}}/tmp/scgi;
                include {{folder}}/kennisplatform.conf;
            }
            """;
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, main);

        var start = new ProcessStartInfo("nginx") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", config, "-p", folder })
            start.ArgumentList.Add(argument);
        var trusted = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(certificate));
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var output = Processes.Capture(process);
        var balancer = new NginxBalancer(folder, process, output, ports.Https, ports.Http, trusted);
        try
        {
            await Ports.WaitOpenAsync(ports.Https, TimeSpan.FromSeconds(20), () => Processes.Tail(output) + balancer.ErrorLog());
            return balancer;
        }
        catch
        {
            await balancer.DisposeAsync();
            throw;
        }
    }

    /// <summary>The guide's site file with this run's values in place of the examples.</summary>
    public static string Site(IReadOnlyList<int> nodePorts, (int Https, int Http) ports, string certificate, string key)
    {
        var text = DeploymentFiles.Read(SiteFile);
        var lines = text.Split('\n').ToList();
        var first = lines.FindIndex(l => l.Contains(ExampleNodes[0], StringComparison.Ordinal));
        if (first < 0 || ExampleNodes.Select((node, i) => lines.ElementAtOrDefault(first + i)?.Contains(node, StringComparison.Ordinal)).Any(found => found != true))
            throw new InvalidOperationException($"docs/deployment/{SiteFile} no longer lists the example nodes {string.Join(", ", ExampleNodes)} one per line: update the test with the guide.");
        var template = lines[first];
        lines.RemoveRange(first, ExampleNodes.Length);
        lines.InsertRange(first, nodePorts.Select(port => template.Replace(ExampleNodes[0], $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal)));
        return string.Join('\n', lines)
            .ReplaceExample("listen 443 ssl http2;", $"listen 127.0.0.1:{ports.Https} ssl http2;", SiteFile)
            .ReplaceExample("listen 80;", $"listen 127.0.0.1:{ports.Http};", SiteFile)
            .ReplaceExample("/etc/letsencrypt/live/kennisplatform.example.nl/fullchain.pem", certificate, SiteFile)
            .ReplaceExample("/etc/letsencrypt/live/kennisplatform.example.nl/privkey.pem", key, SiteFile);
    }

    /// <summary>Puts <paramref name="content"/> at /static.html (started with a static file only).</summary>
    public Task WriteStaticAsync(string content) => File.WriteAllTextAsync(Path.Combine(folder, "static", "static.html"), content);

    public string ErrorLog() => File.Exists(Path.Combine(folder, "error.log")) ? File.ReadAllText(Path.Combine(folder, "error.log")) : "";

    /// <summary>A client that trusts exactly this balancer's certificate.</summary>
    public HttpMessageHandler Handler(System.Net.CookieContainer? cookies = null) => new SocketsHttpHandler
    {
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new System.Net.CookieContainer(),
        AllowAutoRedirect = false,
        SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == Certificate.GetCertHashString() },
        PooledConnectionLifetime = TimeSpan.FromSeconds(30),
    };

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await Processes.SignalAsync(process.Id, "QUIT");
            try
            {
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        process.Dispose();
        Certificate.Dispose();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
