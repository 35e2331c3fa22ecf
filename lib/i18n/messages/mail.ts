/** Texts of the visitor emails. `{name}`-style placeholders are filled by lib/reservations/email-templates.ts. */
export const it = {
  greeting: "Ciao {name},",
  signature: "A presto a teatro,\nAzioneLab",
  details: {
    show: "Spettacolo",
    when: "Quando",
    where: "Dove",
    party: "Posti",
    code: "Codice prenotazione",
    holder: "A nome di",
  },
  confirmation: {
    subject: "Conferma la tua prenotazione: {show}",
    intro:
      "grazie per aver prenotato. La prenotazione non è ancora confermata: apri il link qui sotto per confermarla.",
    action: "Conferma la prenotazione",
    expires: "Il link scade {expiresAt}. Se non confermi entro allora, i posti non sono garantiti.",
    ignore: "Se non hai prenotato tu, ignora questa email: senza conferma la prenotazione decade.",
  },
  ticket: {
    subject: "Il tuo biglietto: {show}",
    intro:
      "la tua prenotazione è confermata. Mostra all'ingresso il codice QR qui sotto (è anche allegato), dal telefono o stampato.",
    action: "Apri il biglietto",
    attachments: "In allegato trovi il codice QR (PNG) e l'evento per il calendario (.ics).",
    cancel:
      "Non puoi venire? Dalla pagina del biglietto puoi annullare la prenotazione e liberare i posti.",
    qrFilename: "biglietto-azionelab.png",
    qrAlt: "Codice QR del biglietto da mostrare all'ingresso",
    icsFilename: "azionelab.ics",
  },
  cancellation: {
    subject: "Prenotazione annullata: {show}",
    intro: "la tua prenotazione è stata annullata e il codice QR non è più valido.",
    again: "Se vuoi, puoi prenotare di nuovo dalla pagina dello spettacolo",
  },
  seats: { one: "1 posto", other: "{count} posti" },
};

export const en: typeof it = {
  greeting: "Hello {name},",
  signature: "See you at the theatre,\nAzioneLab",
  details: {
    show: "Show",
    when: "When",
    where: "Where",
    party: "Seats",
    code: "Booking code",
    holder: "Name",
  },
  confirmation: {
    subject: "Confirm your reservation: {show}",
    intro:
      "thank you for booking. Your reservation is not confirmed yet: open the link below to confirm it.",
    action: "Confirm the reservation",
    expires: "The link expires {expiresAt}. Until you confirm, the seats are not guaranteed.",
    ignore: "If you did not make this booking, ignore this email: without confirmation it lapses.",
  },
  ticket: {
    subject: "Your ticket: {show}",
    intro:
      "your reservation is confirmed. Show the QR code below (also attached) at the door, on your phone or printed.",
    action: "Open the ticket",
    attachments: "Attached: the QR code (PNG) and the calendar event (.ics).",
    cancel:
      "Can't make it? From the ticket page you can cancel the reservation and free the seats.",
    qrFilename: "azionelab-ticket.png",
    qrAlt: "Ticket QR code to show at the door",
    icsFilename: "azionelab.ics",
  },
  cancellation: {
    subject: "Reservation cancelled: {show}",
    intro: "your reservation has been cancelled and its QR code no longer works.",
    again: "If you like, you can book again from the show's page",
  },
  seats: { one: "1 seat", other: "{count} seats" },
};
