/**
 * Texts of the box office in /admin (issue 17): admin bookings, edits and moves, series
 * of performances, the lists. Kept apart from admin.ts so its sections stay small;
 * `{name}` placeholders and ICU plurals are filled with lib/i18n/fill.ts.
 */
export const it = {
  errors: {
    party_size_min: "Almeno 1 posto.",
    invalid_phone: "Solo cifre, spazi e + ( ) . -",
    email_needed_to_send: "Per inviare il biglietto serve un indirizzo email.",
    override_guests_only: "Si può superare la capienza solo per gli ospiti.",
    date_required: "Scegli almeno una data.",
    invalid_date: "Data non valida (aaaa-mm-gg).",
    until_before_start: "La data finale viene prima della prima replica.",
    too_many_dates: "Al massimo {max} repliche per volta.",
    duplicate_date: "La stessa data compare due volte.",
  },
  channels: {
    online: "Online",
    phone: "Telefono",
    walk_in: "Alla cassa",
    guest: "Ospite / stampa",
  },
  book: {
    title: "Nuova prenotazione",
    titleFor: "Nuova prenotazione · {show}, {when}",
    intro:
      "Prenotazione confermata subito (telefono, cassa, ospiti): i posti vengono contati come per una conferma online.",
    newBooking: "Nuova prenotazione",
    fields: {
      performanceId: "Replica",
      channel: "Tipo",
      name: "Nome",
      email: "Email",
      phone: "Telefono",
      party_size: "Posti",
      notes: "Note (accessibilità, richieste)",
      locale: "Lingua delle email",
      sendEmail: "Invia il biglietto per email",
      overrideCapacity: "Ospite oltre la capienza (viene registrato nel registro attività)",
    },
    emailHelp: "Facoltativa per chi è alla cassa; serve per mandare il biglietto.",
    overrideHelp: "Solo per ospiti: conferma anche se i posti disponibili non bastano.",
    seatsLeft: "{available, plural, one {1 posto disponibile} other {# posti disponibili}}",
    submit: "Conferma prenotazione",
    choose: "Scegli…",
    languages: { it: "Italiano", en: "English" },
  },
  edit: {
    title: "Modifica prenotazione n. {id}",
    link: "Modifica o sposta",
    details: "Posti, contatti e note",
    submit: "Salva modifiche",
    unchanged: "Nessuna modifica da salvare.",
    moveTitle: "Sposta su un'altra replica",
    moveIntro:
      "Il codice di prenotazione resta lo stesso, salvo che sia già usato nella nuova replica. Il biglietto già inviato continua a funzionare per la nuova data.",
    moveTarget: "Nuova replica",
    moveSendEmail: "Invia un nuovo biglietto per email (solo prenotazioni confermate)",
    moveSubmit: "Sposta",
    notEditable: "Questa prenotazione non si può più modificare ({status}).",
  },
  refusals: {
    performance_not_found: "Replica non trovata: forse è stata eliminata.",
    performance_over: "La replica è finita: la finestra d'ingresso è chiusa.",
    insufficient_seats:
      "Posti insufficienti: {available, plural, =0 {non c'è più nessun posto} one {resta 1 posto} other {restano # posti}}. Niente è stato modificato.",
    already_booked:
      "Questo indirizzo email ha già una prenotazione confermata per questa replica: modifica quella.",
    not_found: "Prenotazione non trovata.",
    anonymized: "I dati di questa prenotazione sono stati cancellati: non si può modificare.",
    not_editable: "Questa prenotazione è {status}: non si può modificare né spostare.",
    below_checked_in:
      "Sono già {seats, plural, one {entrata 1 persona} other {entrate # persone}}: i posti non possono scendere sotto questo numero.",
    same_performance: "La prenotazione è già su questa replica.",
    already_checked_in: "Il gruppo è già entrato (anche in parte): non si può spostare.",
    no_email: "Questa prenotazione non ha un indirizzo email: aggiungilo prima con «Modifica».",
  },
  done: {
    booked: "Prenotazione confermata (codice {code}).",
    bookedEmailed: "Prenotazione confermata (codice {code}); il biglietto è in coda per l'email.",
    override: "Capienza superata di {seats} per un ospite: registrato.",
    saved: "Prenotazione aggiornata.",
    moved: "Prenotazione spostata (codice {code}).",
  },
  audit: {
    "reservation.book": "Prenotazione dalla cassa",
    "reservation.capacity_override": "Capienza superata per un ospite",
    "reservation.update": "Prenotazione modificata",
    "reservation.move": "Prenotazione spostata",
    "performance.attendees_download": "Elenco partecipanti scaricato",
  } as Record<string, string>,
};

export const en: typeof it = {
  errors: {
    party_size_min: "At least 1 seat.",
    invalid_phone: "Digits, spaces and + ( ) . - only",
    email_needed_to_send: "An email address is needed to send the ticket.",
    override_guests_only: "Capacity can be exceeded for guests only.",
    date_required: "Choose at least one date.",
    invalid_date: "Not a valid date (yyyy-mm-dd).",
    until_before_start: "The end date comes before the first performance.",
    too_many_dates: "At most {max} performances at a time.",
    duplicate_date: "The same date appears twice.",
  },
  channels: {
    online: "Online",
    phone: "Phone",
    walk_in: "Box office",
    guest: "Guest / press",
  },
  book: {
    title: "New booking",
    titleFor: "New booking · {show}, {when}",
    intro:
      "A booking confirmed at once (phone, box office, guests): seats are counted as for an online confirmation.",
    newBooking: "New booking",
    fields: {
      performanceId: "Performance",
      channel: "Kind",
      name: "Name",
      email: "Email",
      phone: "Phone",
      party_size: "Seats",
      notes: "Notes (accessibility, requests)",
      locale: "Email language",
      sendEmail: "Email the ticket",
      overrideCapacity: "Guest beyond capacity (recorded in the audit log)",
    },
    emailHelp: "Optional at the box office; needed to send the ticket.",
    overrideHelp: "Guests only: confirm even when the seats left are not enough.",
    seatsLeft: "{available, plural, one {1 seat left} other {# seats left}}",
    submit: "Confirm booking",
    choose: "Choose…",
    languages: { it: "Italiano", en: "English" },
  },
  edit: {
    title: "Edit reservation no. {id}",
    link: "Edit or move",
    details: "Seats, contact details and notes",
    submit: "Save changes",
    unchanged: "Nothing to save.",
    moveTitle: "Move to another performance",
    moveIntro:
      "The booking code stays the same unless the new performance already uses it. A ticket already sent keeps working for the new date.",
    moveTarget: "New performance",
    moveSendEmail: "Email a new ticket (confirmed reservations only)",
    moveSubmit: "Move",
    notEditable: "This reservation can no longer be changed ({status}).",
  },
  refusals: {
    performance_not_found: "Performance not found: it may have been deleted.",
    performance_over: "The performance is over: its check-in window has closed.",
    insufficient_seats:
      "Not enough seats: {available, plural, =0 {none are left} one {1 seat is left} other {# seats are left}}. Nothing was changed.",
    already_booked:
      "This email address already holds a confirmed reservation for this performance: edit that one.",
    not_found: "Reservation not found.",
    anonymized: "This reservation's personal data was erased: it cannot be edited.",
    not_editable: "This reservation is {status}: it cannot be edited or moved.",
    below_checked_in:
      "{seats, plural, one {1 person is} other {# people are}} already in: the seats cannot go below that.",
    same_performance: "The reservation is already on this performance.",
    already_checked_in: "The party already came in (at least in part): it cannot be moved.",
    no_email: "This reservation has no email address: add one with “Edit” first.",
  },
  done: {
    booked: "Booking confirmed (code {code}).",
    bookedEmailed: "Booking confirmed (code {code}); the ticket email is queued.",
    override: "Capacity exceeded by {seats} for a guest: recorded.",
    saved: "Reservation updated.",
    moved: "Reservation moved (code {code}).",
  },
  audit: {
    "reservation.book": "Box-office booking",
    "reservation.capacity_override": "Capacity exceeded for a guest",
    "reservation.update": "Reservation edited",
    "reservation.move": "Reservation moved",
    "performance.attendees_download": "Attendee list downloaded",
  },
};

export type BoxOfficeMessages = typeof it;
