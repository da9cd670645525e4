//! The demo's agenda texts in nynorsk: the bokmål text a demo council
//! writes, and what a council that writes nynorsk writes instead.

/// The demo's agenda texts in nynorsk, for a council that writes nynorsk.
const NYNORSK: &[(&str, &str)] = &[
    ("Godkjenning av innkalling og saksliste", "Godkjenning av innkalling og saksliste"),
    ("Innkalling og saksliste godkjennes.", "Innkalling og saksliste blir godkjende."),
    ("Innkalling og saksliste ble godkjent.", "Innkalling og saksliste vart godkjende."),
    ("Nytt fra kommunen", "Nytt frå kommunen"),
    ("Kontaktpersonen orienterer om kommunens planer for nærmiljøet.", "Kontaktpersonen orienterer om planane til kommunen for nærmiljøet."),
    (
        "Kontaktpersonen orienterte om ny gang- og sykkelvei og om kommunens tilskuddsordning. Utvalget tok orienteringen til etterretning.",
        "Kontaktpersonen orienterte om ny gang- og sykkelveg og om tilskotsordninga til kommunen. Utvalet tok orienteringa til vitande.",
    ),
    ("Dugnad i parken", "Dugnad i parken"),
    (
        "Parken trenger rydding før sommeren. Velforeningen og skolen vil gjerne være med.",
        "Parken treng rydding før sommaren. Velforeininga og skulen vil gjerne vere med.",
    ),
    ("Utvalget arrangerer dugnad i parken første lørdag i mai.", "Utvalet skipar til dugnad i parken første laurdagen i mai."),
    (
        "Utvalget arrangerer dugnad i parken første lørdag i mai. Sekretæren inviterer lag og foreninger.",
        "Utvalet skipar til dugnad i parken første laurdagen i mai. Sekretæren inviterer lag og foreiningar.",
    ),
    ("Møteplasser for unge", "Møteplassar for unge"),
    (
        "Flere foreldre har spurt etter et sted der ungdom kan møtes på kveldstid.",
        "Fleire foreldre har spurt etter ein stad der ungdom kan møtast på kveldstid.",
    ),
    (
        "Utvalget drøftet åpen skole på kveldstid og en fritidsklubb. Saken tas opp igjen når skolen har svart.",
        "Utvalet drøfta open skule på kveldstid og ein fritidsklubb. Saka blir teken opp att når skulen har svart.",
    ),
    ("Benker langs turstien", "Benker langs turstien"),
    ("Eldre beboere ønsker benker å hvile på langs turstien.", "Eldre bebuarar ønskjer benker å kvile på langs turstien."),
    ("Utvalget søker kommunen om fire benker.", "Utvalet søkjer kommunen om fire benker."),
    ("Utvalget søker kommunen om fire benker langs turstien.", "Utvalet søkjer kommunen om fire benker langs turstien."),
    ("Utvalget søker kommunen om to benker.", "Utvalet søkjer kommunen om to benker."),
    ("Godkjenning av protokoll fra forrige møte", "Godkjenning av protokoll frå førre møte"),
    ("Protokollen godkjennes.", "Protokollen blir godkjend."),
    ("Status for dugnaden", "Status for dugnaden"),
    (
        "Sekretæren orienterer om hvordan dugnaden gikk og hva som gjenstår.",
        "Sekretæren orienterer om korleis dugnaden gjekk og kva som står att.",
    ),
    ("Fellesmøte med kommunen", "Fellesmøte med kommunen"),
    ("Utvalget skal ha ett fellesmøte med kommunen i året.", "Utvalet skal ha eitt fellesmøte med kommunen i året."),
    ("Utvalget foreslår fellesmøte med kommunen i november.", "Utvalet gjer framlegg om fellesmøte med kommunen i november."),
];

/// A demo text in the council's målform.
pub(super) fn local(nynorsk: bool, text: &'static str) -> String {
    let found = nynorsk
        .then(|| NYNORSK.iter().find(|(nb, _)| *nb == text).map(|(_, nn)| *nn))
        .flatten();
    found.unwrap_or(text).to_owned()
}
