using System.Text;

namespace Kennisplatform.Web.OpenData;

/// <summary>
/// Decides whether a response that varies by its query string is worth a place in the output cache: only when the
/// same address (by the query keys its endpoint reads) was asked before, recently. Most searches are typed once;
/// storing each of them copied a whole results page into the cache, and the one-off pages pushed out the pages that
/// are asked again (home, overviews, popular searches). A popular search is stored on its second request.
/// <para>
/// What was asked is remembered as a 32-bit fingerprint in a fixed table of <see cref="Slots"/>: no memory grows with
/// traffic, and a collision only means one response is stored, or not, one request earlier or later.
/// </para>
/// </summary>
public sealed class SecondRequestAdmission
{
    private const int Slots = 1 << 14;
    private readonly int[] seen = new int[Slots];

    /// <summary>Notes this request, and says whether its address was asked before.</summary>
    public bool Admit(HttpContext context, QueryReads reads)
    {
        var fingerprint = Fingerprint(context, reads) | 1; // never 0, the value of an empty slot
        var slot = (int)((uint)fingerprint % Slots);
        if (Volatile.Read(ref seen[slot]) == fingerprint)
            return true;
        Volatile.Write(ref seen[slot], fingerprint);
        return false;
    }

    /// <summary>The path and the values of the keys the endpoint read (all keys when it walked them all), in key order.</summary>
    private static int Fingerprint(HttpContext context, QueryReads reads)
    {
        var request = context.Request;
        var key = new StringBuilder(request.Path.Value);
        var names = reads.All ? reads.Original.Keys : reads.Names;
        foreach (var name in names.Order(StringComparer.OrdinalIgnoreCase))
        {
            key.Append('\n').Append(name.ToUpperInvariant());
            foreach (var value in reads.Original[name])
                key.Append('\0').Append(value);
        }
        return string.GetHashCode(key.ToString(), StringComparison.Ordinal);
    }
}
