namespace Kennisplatform.Web.Commands;

/// <summary>
/// "import DIR", "export DIR" and the other verbs of the same executable. Options such as "--data DIR"
/// go to the host's configuration; the verb and its operands do not.
/// </summary>
public sealed record CommandLine(string? Verb, IReadOnlyList<string> Operands, string[] HostArgs, IReadOnlySet<string> Flags)
{
    /// <summary>Options that take no value: they belong to the verb, not to the host's configuration.</summary>
    public static readonly IReadOnlySet<string> KnownFlags = new HashSet<string> { "--replace" };

    public static CommandLine Parse(string[] args)
    {
        var host = new List<string>();
        var operands = new List<string>();
        var flags = new HashSet<string>();
        string? verb = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (KnownFlags.Contains(arg))
                flags.Add(arg);
            else if (arg.StartsWith('-') || arg.Contains('='))
            {
                host.Add(arg);
                // "--data DIR": the value belongs to the option.
                if (arg.StartsWith("--", StringComparison.Ordinal) && !arg.Contains('=') && i + 1 < args.Length && !args[i + 1].StartsWith('-'))
                    host.Add(args[++i]);
            }
            else if (verb is null)
                verb = arg;
            else
                operands.Add(arg);
        }
        return new(verb, operands, host.ToArray(), flags);
    }
}
