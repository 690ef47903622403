namespace Kennisplatform.Testing.Cluster;

/// <summary>
/// The files of the deployment guide (docs/deployment/), read as a newcomer would copy them. A test fills in its own
/// ports, paths and passwords by replacing the example values the guide shows; an example value that is no longer
/// there fails the test, so the guide and the test cannot drift apart.
/// </summary>
public static class DeploymentFiles
{
    public static string Folder => Path.Combine(RepositoryRoot(), "docs", "deployment");

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name));

    /// <summary>Replaces every occurrence of <paramref name="example"/>, which must occur.</summary>
    public static string ReplaceExample(this string text, string example, string value, string file) =>
        text.Contains(example, StringComparison.Ordinal)
            ? text.Replace(example, value, StringComparison.Ordinal)
            : throw new InvalidOperationException($"docs/deployment/{file} no longer contains '{example}': update the test with the guide.");

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kennisplatform.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Kennisplatform.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The systemd unit's environment and command for one instance, with %i filled in.</summary>
    public static (IReadOnlyDictionary<string, string> Environment, IReadOnlyList<string> Command, string? EnvironmentFile) Unit(string name, string instance)
    {
        var environment = new Dictionary<string, string>();
        var command = new List<string>();
        string? environmentFile = null;
        foreach (var raw in Read(name).Split('\n'))
        {
            var line = raw.Trim().Replace("%i", instance, StringComparison.Ordinal);
            if (line.StartsWith("Environment=", StringComparison.Ordinal))
            {
                var (key, value) = Pair(line["Environment=".Length..], name);
                environment[key] = value;
            }
            else if (line.StartsWith("EnvironmentFile=", StringComparison.Ordinal))
                environmentFile = line["EnvironmentFile=".Length..];
            else if (line.StartsWith("ExecStart=", StringComparison.Ordinal))
                command.AddRange(line["ExecStart=".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        if (command.Count == 0)
            throw new InvalidOperationException($"docs/deployment/{name} has no ExecStart line.");
        return (environment, command, environmentFile);
    }

    /// <summary>KEY=VALUE lines, as systemd reads an EnvironmentFile (comments and empty lines skipped).</summary>
    public static Dictionary<string, string> EnvironmentLines(string text, string file) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => Pair(l, file)).ToDictionary(p => p.Key, p => p.Value);

    private static (string Key, string Value) Pair(string text, string file)
    {
        var parts = text.Split('=', 2);
        if (parts.Length != 2 || text.Contains('"'))
            throw new InvalidOperationException($"docs/deployment/{file}: the test reads plain KEY=VALUE, not '{text}'.");
        return (parts[0], parts[1]);
    }
}
