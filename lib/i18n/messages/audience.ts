/**
 * Texts of the audience (issue 18) — the waiting list, performance cancellations,
 * reminders and messages to holders — in emails, public pages and admin pages.
 * `{name}`-style placeholders are filled with lib/i18n/fill.ts (ICU on the pages).
 */
import { en as publicEn, it as publicIt } from "@/lib/i18n/messages/public";

export const it = {
  mail: {
    optIn: {
      subject: "Conferma l'iscrizione alla lista d'attesa: {show}",
      intro:
        "hai chiesto di entrare nella lista d'attesa di questa replica. Conferma il tuo indirizzo per prendere il tuo posto in lista: finché non confermi, non sei in lista.",
      action: "Conferma l'iscrizione",
      ignore: "Se non sei stato tu, ignora questa email: senza conferma l'iscrizione decade.",
    },
    joined: {
      subject: "Sei in lista d'attesa: {show}",
      intro:
        "sei in lista d'attesa. Se si liberano posti per il tuo gruppo ti scriviamo: li terremo per te per {hours} ore (non oltre l'inizio).",
    },
    offer: {
      subject: "Si sono liberati dei posti: {show}",
      intro:
        "si sono liberati dei posti per il tuo gruppo e li teniamo per te fino a {expiresAt}. Apri il link per prenotarli: riceverai subito il biglietto.",
      action: "Prenota i posti",
      after: "Dopo quell'ora i posti passano al prossimo in lista.",
    },
    lapsed: {
      subject: "Offerta scaduta: {show}",
      intro:
        "l'offerta di posti non è stata usata in tempo ed è passata al prossimo in lista. Se vuoi, puoi iscriverti di nuovo dalla pagina dello spettacolo.",
      action: "Pagina dello spettacolo",
    },
    closed: {
      subject: "Replica annullata: {show}",
      intro:
        "ci dispiace: questa replica è stata annullata, e con essa la lista d'attesa. Trovi le altre date sulla pagina dello spettacolo.",
      action: "Altre date",
    },
    leave: "Non ti interessa più? Esci dalla lista d'attesa",
    leaveAction: "Esci dalla lista d'attesa",
    holders: {
      reminder: {
        subject: "Promemoria: {show}, {date}",
        intro: "ti ricordiamo la tua prenotazione. Ecco il biglietto, l'orario e il luogo.",
        action: "Apri il biglietto",
        notes: "Come arrivare e accesso: {notes}",
        cancel:
          "Non puoi più venire? Dalla pagina del biglietto puoi annullare e liberare i posti per chi è in lista d'attesa.",
      },
      changed: {
        subject: "Cambiamento: {show}",
        intro:
          "la replica per cui hai prenotato è cambiata. Ecco data, ora e luogo aggiornati: la tua prenotazione resta valida.",
        cancel: "Se non puoi più venire, annulla dalla pagina del biglietto per liberare i posti.",
      },
      cancelled: {
        subject: "Replica annullata: {show}",
        intro:
          "ci dispiace: questa replica è stata annullata. La tua prenotazione non è più valida e non devi fare nulla.",
        again: "Le altre date dello spettacolo",
      },
      message: { intro: "un messaggio del teatro sulla replica per cui hai prenotato:" },
      unsubscribe: "Non vuoi altri promemoria o messaggi per questa prenotazione?",
      unsubscribeAction: "Non inviarmi più promemoria né messaggi",
    },
  },
  public: {
    join: {
      title: "Lista d'attesa",
      summary: "Non ci sono abbastanza posti per il tuo gruppo? Iscriviti alla lista d'attesa",
      soldOutIntro:
        "Iscriviti alla lista d'attesa: se si liberano posti per il tuo gruppo, li teniamo per te e ti scriviamo.",
      tooFewIntro:
        "Non ci sono abbastanza posti per il tuo gruppo? Iscriviti alla lista d'attesa: se se ne liberano, li teniamo per te e ti scriviamo.",
      how: "Ti chiediamo di confermare l'indirizzo email. Quando si liberano posti per il tuo gruppo, ricevi un'offerta valida {hours} ore: un link che conferma la prenotazione direttamente. Chi è prima in lista riceve l'offerta prima, se il suo gruppo ci sta.",
      name: "Nome e cognome",
      email: "Email",
      partySize: "Quante persone",
      privacy: "Acconsento al trattamento dei miei dati per la lista d'attesa:",
      privacyRequired: "Per iscriverti serve il consenso.",
      submit: "Iscrivimi alla lista d'attesa",
      submitting: "Invio…",
      sentTitle: "Controlla la tua email",
      sent: "Ti abbiamo scritto a {email}: apri il link per confermare l'iscrizione. Finché non confermi, non sei in lista.",
      refusals: {
        seats_available: "Ci sono di nuovo posti per il tuo gruppo: puoi prenotare subito.",
        booking_closed: "Le prenotazioni per questa replica sono chiuse.",
        performance_not_found: "Questa replica non esiste più.",
        performance_cancelled: "Questa replica è stata annullata.",
        rate_limited: "Troppi tentativi da questa connessione. Riprova tra {minutes} minuti.",
      },
      bookNow: "Prenota ora",
      bookInstead: "Torna al modulo di prenotazione",
    },
    confirm: {
      title: "Lista d'attesa",
      working: "Conferma in corso…",
      waitingFirst:
        "Fatto: sei in lista d'attesa, primo in lista. Ti scriviamo appena si liberano posti per il tuo gruppo.",
      waitingNth:
        "Fatto: sei in lista d'attesa, in posizione {position}. Ti scriviamo appena si liberano posti per il tuo gruppo.",
      offered:
        "Fatto: si sono già liberati posti per il tuo gruppo! Ti abbiamo mandato un'offerta via email: aprila per prenotare.",
      already_confirmed: "Hai già confermato: sei in lista d'attesa.",
      already_offered:
        "Hai già confermato, e si sono liberati posti per il tuo gruppo: ti abbiamo mandato un'offerta via email. Aprila per prenotare prima che scada.",
      token_expired: "Il link è scaduto. Puoi iscriverti di nuovo dalla pagina dello spettacolo.",
      entry_ended: "Questa iscrizione non è più attiva.",
      offers_closed: "Le prenotazioni per questa replica sono chiuse.",
      unknown: "Link non valido. Controlla di averlo copiato per intero.",
      error: "Qualcosa è andato storto. Riprova tra poco.",
      rate_limited: "Troppi tentativi. Riprova tra qualche minuto.",
    },
    offer: {
      title: "Posti per te",
      working: "Prenotazione in corso…",
      booked: "Prenotazione confermata: ecco il biglietto. Te l'abbiamo mandato anche via email.",
      offer_expired:
        "L'offerta è scaduta ed è passata al prossimo in lista. Puoi iscriverti di nuovo dalla pagina dello spettacolo.",
      // The answer of the rule "one confirmed booking per address and performance", as a booking gives it.
      already_booked: publicIt.confirm.already_booked,
      entry_ended: "Questa offerta non è più valida.",
      performance_cancelled: "Questa replica è stata annullata.",
      booking_closed: "Le prenotazioni per questa replica sono chiuse.",
      unknown: "Link non valido. Controlla di averlo copiato per intero.",
      error: "Qualcosa è andato storto. Riprova tra poco.",
      rate_limited: "Troppi tentativi. Riprova tra qualche minuto.",
      leaveInstead: "Non ti interessano? Esci dalla lista",
      passOn: "Non ti servono questi posti? Lasciali al prossimo in lista",
    },
    leave: {
      title: "Esci dalla lista d'attesa",
      intro:
        "Vuoi uscire dalla lista d'attesa? Se hai un'offerta in corso, i posti passano subito al prossimo in lista.",
      submit: "Esci dalla lista d'attesa",
      submitting: "Uscita…",
      left: "Fatto: non sei più in lista d'attesa. Non riceverai altre email per questa lista.",
      declined: "Fatto: hai rinunciato all'offerta e i posti sono passati al prossimo in lista.",
      entry_ended: "Questa iscrizione non è più attiva.",
      unknown: "Link non valido o già usato.",
      error: "Qualcosa è andato storto. Riprova tra poco.",
    },
    unsubscribe: {
      title: "Promemoria e messaggi",
      intro:
        "Non vuoi più ricevere promemoria né messaggi per questa prenotazione? Se la replica venisse annullata, te lo diremo comunque.",
      submit: "Non inviarmi più promemoria né messaggi",
      done: "Fatto: non riceverai più promemoria né messaggi per questa prenotazione.",
      unknown: "Link non valido o scaduto.",
    },
    shows: "Tutti gli spettacoli",
    cancelledPerformance: "Replica annullata",
  },
  admin: {
    title: "Lista d'attesa",
    link: "Lista d'attesa ({count})",
    linkHeld: "Lista d'attesa ({count}; {held} posti tenuti per offerte)",
    intro:
      "In ordine di conferma dell'indirizzo. Quando si liberano posti, chi è in lista e ci sta riceve un'offerta; un gruppo che non ci sta mantiene il suo posto e viene saltato.",
    empty: "Nessuno in lista d'attesa.",
    columns: {
      position: "N.",
      name: "Nome",
      email: "Email",
      party: "Persone",
      status: "Stato",
      since: "In lista dal",
      offer: "Offerta fino a",
    },
    statuses: {
      unconfirmed: "Email da confermare",
      waiting: "In attesa",
      offered: "Offerta in corso",
      booked: "Prenotato",
      declined: "Ha rinunciato",
      lapsed: "Offerta scaduta",
      left: "Uscito dalla lista",
      closed: "Chiusa",
    },
    offer: "Offri ora",
    offerQuestion: "Tenere i posti per questo gruppo e mandargli l'offerta?",
    offered: "Offerta inviata.",
    refusals: {
      not_found: "Iscrizione non trovata.",
      not_waiting: "Solo chi è in attesa può ricevere un'offerta.",
      insufficient_seats: "Non ci sono abbastanza posti liberi ({seats}).",
      offers_closed: "La replica non accetta prenotazioni.",
    },
    dashboardColumn: "In lista",
    notifyHolders: "Avvisa chi ha prenotato se cambiano data, ora o sala",
    notifyHoldersHelp:
      "Se salvi una nuova data, ora o sala, ogni prenotazione confermata o in attesa riceve un'email con i dati nuovi.",
    audience: {
      title: "Pubblico: messaggi e annullamento",
      cancelled: "Questa replica è annullata ({when}).",
      messageTitle: "Messaggio a chi ha prenotato",
      messageIntro:
        "Va a ogni prenotazione confermata (tranne chi ha chiesto di non ricevere messaggi), nella lingua in cui ha prenotato. Prima vedi l'anteprima.",
      subject: "Oggetto",
      body: "Testo",
      subjectEn: "Oggetto in inglese",
      bodyEn: "Testo in inglese",
      englishHelp:
        "Facoltativo: chi ha prenotato in inglese riceve il testo italiano se lo lasci vuoto.",
      preview: "Anteprima",
      send: "Invia ({count} destinatari)",
      previewTitle: "Anteprima",
      previewFor: "Come lo riceve chi ha prenotato in {language}",
      recipients: "Destinatari: {count}",
      sent: "Messaggio in coda: {count} email.",
      noRecipients: "Nessuna prenotazione confermata a cui scrivere.",
      historyTitle: "Invii",
      kinds: {
        message: "Messaggio",
        change: "Cambio di data, ora o sala",
        cancellation: "Annullamento",
      },
      columns: {
        when: "Quando",
        kind: "Tipo",
        subject: "Oggetto",
        recipients: "Destinatari",
        delivery: "Consegna",
      },
      delivery: "{sent} inviate, {failed} non partite, {pending} in coda",
      cancelTitle: "Annulla la replica",
      cancelIntro:
        "La replica risulta annullata sul sito, non accetta prenotazioni e alla porta i biglietti vengono rifiutati. Ogni prenotazione confermata o in attesa e ogni iscritto alla lista d'attesa riceve un'email.",
      cancelAction: "Annulla la replica",
      cancelQuestion: "Annullare la replica e avvisare tutti? Non si può tornare indietro.",
      cancelDone:
        "Replica annullata. Avvisi in coda: prenotazioni {holders}, lista d'attesa {waitlist}.",
      alreadyCancelled: "La replica era già annullata.",
      italian: "italiano",
      englishIncomplete: "Scrivi sia l'oggetto sia il testo in inglese, o lascia vuoti entrambi.",
      english: "inglese",
    },
    free: "{seats} liberi, {held} tenuti per offerte",
  },
};

export const en: typeof it = {
  mail: {
    optIn: {
      subject: "Confirm your place on the waiting list: {show}",
      intro:
        "you asked to join the waiting list of this performance. Confirm your address to take your place in line: until you confirm, you are not on the list.",
      action: "Confirm my place",
      ignore: "If this was not you, ignore this email: without confirmation the request lapses.",
    },
    joined: {
      subject: "You are on the waiting list: {show}",
      intro:
        "you are on the waiting list. If seats free up for your party we will write to you and hold them for you for {hours} hours (never past the start).",
    },
    offer: {
      subject: "Seats have freed up: {show}",
      intro:
        "seats have freed up for your party and we are holding them for you until {expiresAt}. Open the link to book them: you get your ticket at once.",
      action: "Book the seats",
      after: "After that time the seats go to the next person in line.",
    },
    lapsed: {
      subject: "Offer expired: {show}",
      intro:
        "the offer of seats was not taken in time and has passed to the next person in line. If you like, you can join the list again from the show's page.",
      action: "The show's page",
    },
    closed: {
      subject: "Performance cancelled: {show}",
      intro:
        "we are sorry: this performance has been cancelled, and its waiting list with it. The other dates are on the show's page.",
      action: "Other dates",
    },
    leave: "No longer interested? Leave the waiting list",
    leaveAction: "Leave the waiting list",
    holders: {
      reminder: {
        subject: "Reminder: {show}, {date}",
        intro: "a reminder of your reservation. Here are your ticket, the time and the place.",
        action: "Open the ticket",
        notes: "Getting there and access: {notes}",
        cancel:
          "Can't make it any more? From the ticket page you can cancel and free the seats for the people on the waiting list.",
      },
      changed: {
        subject: "Change: {show}",
        intro:
          "the performance you booked has changed. Here are the new date, time and place: your reservation stays valid.",
        cancel: "If you can no longer come, cancel from the ticket page to free the seats.",
      },
      cancelled: {
        subject: "Performance cancelled: {show}",
        intro:
          "we are sorry: this performance has been cancelled. Your reservation is no longer valid and there is nothing you need to do.",
        again: "The show's other dates",
      },
      message: { intro: "a message from the theatre about the performance you booked:" },
      unsubscribe: "Don't want more reminders or messages about this reservation?",
      unsubscribeAction: "Send me no more reminders or messages",
    },
  },
  public: {
    join: {
      title: "Waiting list",
      summary: "Not enough seats for your party? Join the waiting list",
      soldOutIntro:
        "Join the waiting list: if seats free up for your party, we hold them for you and write to you.",
      tooFewIntro:
        "Not enough seats for your party? Join the waiting list: if seats free up, we hold them for you and write to you.",
      how: "We ask you to confirm your email address. When seats free up for your party, you get an offer valid for {hours} hours: a link that confirms the reservation directly. Whoever is earlier in line gets the offer first, if their party fits.",
      name: "Full name",
      email: "Email",
      partySize: "How many people",
      privacy: "I agree to the processing of my data for the waiting list:",
      privacyRequired: "We need your consent to put you on the list.",
      submit: "Join the waiting list",
      submitting: "Sending…",
      sentTitle: "Check your email",
      sent: "We wrote to {email}: open the link to confirm your place. Until you confirm, you are not on the list.",
      refusals: {
        seats_available: "There are seats for your party again: you can book right away.",
        booking_closed: "Booking for this performance is closed.",
        performance_not_found: "This performance no longer exists.",
        performance_cancelled: "This performance has been cancelled.",
        rate_limited: "Too many attempts from this connection. Try again in {minutes} minutes.",
      },
      bookNow: "Book now",
      bookInstead: "Back to the booking form",
    },
    confirm: {
      title: "Waiting list",
      working: "Confirming…",
      waitingFirst:
        "Done: you are on the waiting list, first in line. We will write as soon as seats free up for your party.",
      waitingNth:
        "Done: you are on the waiting list, number {position} in line. We will write as soon as seats free up for your party.",
      offered:
        "Done: seats have already freed up for your party! We emailed you an offer: open it to book.",
      already_confirmed: "You already confirmed: you are on the waiting list.",
      already_offered:
        "You already confirmed, and seats have freed up for your party: we emailed you an offer. Open it to book before it expires.",
      token_expired: "The link has expired. You can join again from the show's page.",
      entry_ended: "This place on the list is no longer active.",
      offers_closed: "Booking for this performance is closed.",
      unknown: "Invalid link. Check that you copied all of it.",
      error: "Something went wrong. Please try again shortly.",
      rate_limited: "Too many attempts. Try again in a few minutes.",
    },
    offer: {
      title: "Seats for you",
      working: "Booking…",
      booked: "Reservation confirmed: here is your ticket. We also emailed it to you.",
      offer_expired:
        "The offer has expired and passed to the next person in line. You can join again from the show's page.",
      already_booked: publicEn.confirm.already_booked,
      entry_ended: "This offer is no longer valid.",
      performance_cancelled: "This performance has been cancelled.",
      booking_closed: "Booking for this performance is closed.",
      unknown: "Invalid link. Check that you copied all of it.",
      error: "Something went wrong. Please try again shortly.",
      rate_limited: "Too many attempts. Try again in a few minutes.",
      leaveInstead: "Not interested? Leave the list",
      passOn: "Don't need these seats? Pass them on to the next in line",
    },
    leave: {
      title: "Leave the waiting list",
      intro:
        "Do you want to leave the waiting list? If you hold an offer, its seats go to the next person in line at once.",
      submit: "Leave the waiting list",
      submitting: "Leaving…",
      left: "Done: you are no longer on the waiting list. You will get no more emails about it.",
      declined: "Done: you declined the offer and the seats went to the next person in line.",
      entry_ended: "This place on the list is no longer active.",
      unknown: "Invalid or already used link.",
      error: "Something went wrong. Please try again shortly.",
    },
    unsubscribe: {
      title: "Reminders and messages",
      intro:
        "Don't want any more reminders or messages about this reservation? If the performance were cancelled, we would still tell you.",
      submit: "Send me no more reminders or messages",
      done: "Done: you will get no more reminders or messages about this reservation.",
      unknown: "Invalid or expired link.",
    },
    shows: "All shows",
    cancelledPerformance: "Performance cancelled",
  },
  admin: {
    title: "Waiting list",
    link: "Waiting list ({count})",
    linkHeld: "Waiting list ({count}; {held} seats held for offers)",
    intro:
      "In the order addresses were confirmed. When seats free up, the entries in line whose party fits get an offer; a party that does not fit keeps its place and is skipped.",
    empty: "Nobody on the waiting list.",
    columns: {
      position: "No.",
      name: "Name",
      email: "Email",
      party: "People",
      status: "State",
      since: "In line since",
      offer: "Offer until",
    },
    statuses: {
      unconfirmed: "Email not confirmed",
      waiting: "Waiting",
      offered: "Offer running",
      booked: "Booked",
      declined: "Declined",
      lapsed: "Offer expired",
      left: "Left the list",
      closed: "Closed",
    },
    offer: "Offer now",
    offerQuestion: "Hold the seats for this party and send them the offer?",
    offered: "Offer sent.",
    refusals: {
      not_found: "Entry not found.",
      not_waiting: "Only a waiting entry can get an offer.",
      insufficient_seats: "Not enough free seats ({seats}).",
      offers_closed: "The performance takes no bookings.",
    },
    dashboardColumn: "Waiting",
    notifyHolders: "Tell the holders if the date, time or venue changes",
    notifyHoldersHelp:
      "If you save a new date, time or venue, every confirmed or pending reservation gets an email with the new details.",
    audience: {
      title: "Audience: messages and cancellation",
      cancelled: "This performance is cancelled ({when}).",
      messageTitle: "Message to the holders",
      messageIntro:
        "Goes to every confirmed reservation (except those who asked for no messages), in the language they booked in. You see a preview first.",
      subject: "Subject",
      body: "Text",
      subjectEn: "Subject in English",
      bodyEn: "Text in English",
      englishHelp:
        "Optional: visitors who booked in English get the Italian text when you leave it empty.",
      preview: "Preview",
      send: "Send ({count} recipients)",
      previewTitle: "Preview",
      previewFor: "As those who booked in {language} get it",
      recipients: "Recipients: {count}",
      sent: "Message queued: {count} emails.",
      noRecipients: "No confirmed reservation to write to.",
      historyTitle: "Sends",
      kinds: {
        message: "Message",
        change: "Change of date, time or venue",
        cancellation: "Cancellation",
      },
      columns: {
        when: "When",
        kind: "Kind",
        subject: "Subject",
        recipients: "Recipients",
        delivery: "Delivery",
      },
      delivery: "{sent} sent, {failed} failed, {pending} queued",
      cancelTitle: "Cancel the performance",
      cancelIntro:
        "The performance shows as cancelled on the site, takes no bookings, and the door refuses its tickets. Every confirmed or pending reservation and everyone on the waiting list gets an email.",
      cancelAction: "Cancel the performance",
      cancelQuestion: "Cancel the performance and tell everyone? This cannot be undone.",
      cancelDone:
        "Performance cancelled. Notices queued: reservations {holders}, waiting list {waitlist}.",
      alreadyCancelled: "The performance was already cancelled.",
      italian: "Italian",
      englishIncomplete: "Write both the English subject and text, or leave both empty.",
      english: "English",
    },
    free: "{seats} free, {held} held for offers",
  },
};

export type AudienceMessages = typeof it;
