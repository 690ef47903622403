using Kennisplatform.Content.Model;

namespace Kennisplatform.Content.Instruments;

/// <summary>Instrument: a tool for neighbourhood profiles and agendas.</summary>
public class Instrument : ContentItem
{
    public override ContentType Kind => ContentType.Instrument;

    public InstrumentPerspective Perspective { get; set; } = InstrumentPerspective.Both;
    public string Maker { get; set; } = "";
    public string ExternalUrl { get; set; } = "";

    protected override IEnumerable<ValidationError> ValidateType()
    {
        if (ExternalUrl.Length > 0 && !WebAddress.IsValid(ExternalUrl))
            yield return new("external_url", "De externe link moet een volledig webadres zijn dat begint met https:// of http://.");
    }
}

/// <summary>Tellen is data about the neighbourhood, vertellen is what residents experience.</summary>
public enum InstrumentPerspective
{
    [Dutch("tellen", "Tellen (cijfers)")] Counting,
    [Dutch("vertellen", "Vertellen (ervaringen van bewoners)")] Telling,
    [Dutch("beide", "Tellen en vertellen")] Both,
}
