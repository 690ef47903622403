namespace Kennisplatform.Content.Model;

/// <summary>The content types. The code is the front-matter <c>type</c> and the database discriminator.</summary>
public enum ContentType
{
    [Dutch("praktijkvoorbeeld", "Praktijkvoorbeeld")] Case,
    [Dutch("interventie", "Interventie")] Intervention,
    [Dutch("wijkschakelaar", "Wijkschakelaar")] Connector,
    [Dutch("bijeenkomst", "Bijeenkomst")] Event,
    [Dutch("instrument", "Instrument")] Instrument,
    [Dutch("principe", "Werkzaam principe")] Principle,
    [Dutch("thema", "Thema")] Theme,
    [Dutch("pagina", "Pagina")] Page,
}
