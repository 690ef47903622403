namespace Kennisplatform.Web.OpenData;

/// <summary>
/// Decides, before a response is made, whether an address with a query string may use the output cache: only when
/// the same address was asked before, recently. Most searches are typed once; storing each of them allocated and
/// copied a whole results page (the cache takes an 80 KB buffer for every response it may store), and the one-off
/// pages pushed out the pages that are asked again. A popular search is stored on its second request and served from
/// the cache from its third.
/// <para>
/// The decision is taken when the request comes in, so a response that will not be stored costs the cache nothing:
/// no buffer, no lookup, no per-key lock. What was asked is remembered as a 32-bit fingerprint of the path and the
/// query string as sent, in a fixed table of <see cref="Slots"/>: no memory grows with traffic, and a collision only
/// means a response is stored, or not, one request earlier or later.
/// </para>
/// </summary>
public sealed class SecondRequestAdmission
{
    private const int Slots = 1 << 14;
    private readonly int[] seen = new int[Slots];

    /// <summary>Notes this request's address, and says whether it was asked before.</summary>
    public bool Admit(HttpRequest request)
    {
        // string.GetHashCode is seeded per process: nobody outside can aim collisions at a slot.
        var fingerprint = HashCode.Combine(
            string.GetHashCode(request.Path.Value, StringComparison.Ordinal),
            string.GetHashCode(request.QueryString.Value, StringComparison.Ordinal)) | 1; // never 0, an empty slot
        var slot = (int)((uint)fingerprint % Slots);
        if (Volatile.Read(ref seen[slot]) == fingerprint)
            return true;
        Volatile.Write(ref seen[slot], fingerprint);
        return false;
    }
}
