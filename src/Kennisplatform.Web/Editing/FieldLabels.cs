using Kennisplatform.Content.Model;

namespace Kennisplatform.Web.Editing;

/// <summary>What editors see for each content-file key: a Dutch label and, where it helps, a hint.</summary>
public static class FieldLabels
{
    private static readonly Dictionary<string, (string Label, string? Hint)> Labels = new()
    {
        ["title"] = ("Titel", null),
        ["slug"] = ("Adres van de pagina", null),
        ["status"] = ("Status", null),
        ["published"] = ("Gepubliceerd op", null),
        ["author"] = ("Auteur", null),
        ["summary"] = ("Samenvatting", "Eén of twee zinnen; deze staan in lijsten en zoekresultaten."),
        ["fictional"] = ("Verzonnen voorbeeld", "Aanvinken als dit geen echt voorbeeld is; de site meldt het dan."),
        ["license"] = ("Licentie", "Leeg laten voor CC BY 4.0."),
        ["themes"] = ("Thema's", null),
        ["principles"] = ("Werkzame principes", null),
        ["outcome"] = ("Uitkomst", null),
        ["evaluation"] = ("Evaluatie", null),
        ["municipality"] = ("Gemeente", null),
        ["neighbourhood"] = ("Wijk of buurt", null),
        ["cbs_code"] = ("CBS-gebiedscode", "Bijvoorbeeld GM0363, WK036301 of BU03630100."),
        ["start_year"] = ("Beginjaar", null),
        ["end_year"] = ("Eindjaar", null),
        ["what_worked"] = ("Wat werkte", null),
        ["what_did_not_work"] = ("Wat werkte niet", "Verplicht bij een (deels) mislukt voorbeeld."),
        ["do_differently"] = ("Wat zouden we anders doen", null),
        ["residents_role"] = ("Rol van bewoners", null),
        ["municipality_role"] = ("Rol van de gemeente", null),
        ["partners"] = ("Partners", null),
        ["interventions"] = ("Gebruikte interventies", null),
        ["contact"] = ("Contactpersoon (wijkschakelaar)", null),
        ["failure_patterns"] = ("Faalpatronen", "Welke bekende fouten zie je in dit voorbeeld? Kies ze bij elk (deels) mislukt voorbeeld."),
        ["what_helps"] = ("Wat helpt ertegen", "Nodig om te publiceren."),
        ["question"] = ("Vraag aan jezelf", "Eén vraag die je jezelf stelt voordat je begint, zoals: Wie neemt het over als de subsidie stopt?"),
        ["aim"] = ("Doel", null),
        ["target_groups"] = ("Doelgroepen", "Kies alles wat past; bezoekers filteren de interventies hierop. Verplicht om te publiceren."),
        ["target_group"] = ("Doelgroep in eigen woorden", "Beschrijf wie precies meedoet, zoals: ouderen die weinig contact hebben."),
        ["approach"] = ("Aanpak", null),
        ["core_elements"] = ("Kernelementen", null),
        ["preconditions"] = ("Randvoorwaarden", null),
        ["cost"] = ("Kosten", null),
        ["evidence"] = ("Bewijs", "De trede op de erkenningsladder; uitleg staat op de pagina Bewijskracht."),
        ["evidence_source"] = ("Bron van de beoordeling", "Verplicht als er een bewijsniveau is gekozen."),
        ["evidence_date"] = ("Datum van de beoordeling", null),
        ["owner"] = ("Eigenaar", null),
        ["external_url"] = ("Externe link", "Een volledig adres dat begint met https://."),
        ["role"] = ("Rol", "De rol telt meer dan de functie."),
        ["area"] = ("Gebied", null),
        ["connects"] = ("Verbindt", null),
        ["ask_me_about"] = ("Vraag mij over", null),
        ["availability"] = ("Bereikbaar", null),
        ["consent"] = ("Toestemming gegeven", "Een profiel wordt alleen gepubliceerd met toestemming van de persoon."),
        ["starts"] = ("Begint", null),
        ["ends"] = ("Eindigt", null),
        ["event_status"] = ("Status van de bijeenkomst", null),
        ["location"] = ("Plek", "Of 'Online'."),
        ["address"] = ("Adres", null),
        ["place"] = ("Plaats", null),
        ["online_url"] = ("Link voor online deelname", "Bij aanmelden via de site krijgen alleen aangemelde mensen deze link, in hun bevestiging."),
        ["audience"] = ("Voor wie", null),
        ["registration"] = ("Aanmelden", null),
        ["harvest"] = ("Oogst", "Wat de bijeenkomst opleverde; schrijf dit achteraf."),
        ["sign_up"] = ("Aanmelden via de site", "Bezoekers melden zich aan met een formulier en krijgen een bevestiging met agendabestand."),
        ["capacity"] = ("Aantal plaatsen", "Leeg: geen grens. Is het vol, dan komen nieuwe aanmeldingen op de wachtlijst."),
        ["registration_deadline"] = ("Aanmelden kan tot", "Leeg: tot de bijeenkomst begint."),
        ["programme"] = ("Programma", "Eén onderdeel per regel, bijvoorbeeld: 19:30 Welkom"),
        ["perspective"] = ("Perspectief", null),
        ["maker"] = ("Gemaakt door", null),
        ["order"] = ("Volgorde", "Een kleiner getal komt eerder in lijsten."),
        ["needs"] = ("Wat is hiervoor nodig", null),
    };

    /// <summary>The main text's label: a case tells a story, other types have a text.</summary>
    public static string Body(ContentType kind) => kind == ContentType.Case ? "Vertel het verhaal" : "Tekst";

    public static bool Has(string key) => Labels.ContainsKey(key);

    public static string Label(string key) => Labels.TryGetValue(key, out var label) ? label.Label : key;

    public static string? Hint(string key) => Labels.TryGetValue(key, out var label) ? label.Hint : null;
}
