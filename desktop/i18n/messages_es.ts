<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
  <context>
    <name>forms</name>
    <message>
      <source>Language: choose one of {choices}, or the computer's language</source>
      <translation>Idioma: elija uno de {choices}, o el idioma de la computadora</translation>
    </message>
    <message>
      <source>Wrong user name or password.</source>
      <translation>Nombre de usuario o contraseña incorrectos.</translation>
    </message>
    <message>
      <source>Too many failed sign-ins: this user name is locked until an administrator unlocks it.</source>
      <translation>Demasiados intentos fallidos: este nombre de usuario queda bloqueado hasta que un administrador lo desbloquee.</translation>
    </message>
    <message>
      <source>Too many failed sign-ins: wait {seconds} s, then try again.</source>
      <translation>Demasiados intentos fallidos: espere {seconds} s y vuelva a intentarlo.</translation>
    </message>
    <message>
      <source>An administrator already exists; sign in instead</source>
      <translation>Ya existe un administrador; inicie sesión</translation>
    </message>
    <message>
      <source>The current password is wrong</source>
      <translation>La contraseña actual es incorrecta</translation>
    </message>
    <message>
      <source>Month: {month} is already closed</source>
      <translation>Mes: {month} ya está cerrado</translation>
    </message>
    <message>
      <source>Reason: say why {month} is reopened</source>
      <translation>Motivo: diga por qué se reabre {month}</translation>
    </message>
    <message>
      <source>Reason: use at most {n} characters</source>
      <translation>Motivo: use como máximo {n} caracteres</translation>
    </message>
    <message>
      <source>Month: write it as YYYY-MM, e.g. 2026-09, not {text}</source>
      <translation>Mes: escríbalo como AAAA-MM, p. ej. 2026-09, no {text}</translation>
    </message>
    <message>
      <source>Month: {month} has not ended; a month closes once it is over</source>
      <translation>Mes: {month} no ha terminado; un mes se cierra cuando ha pasado</translation>
    </message>
    <message>
      <source>{month} is not closed</source>
      <translation>{month} no está cerrado</translation>
    </message>
    <message>
      <source>this assessment</source>
      <translation>esta evaluación</translation>
    </message>
    <message>
      <source>this event</source>
      <translation>este evento</translation>
    </message>
    <message>
      <source>this encounter</source>
      <translation>este encuentro</translation>
    </message>
    <message>
      <source>this contact attempt</source>
      <translation>este intento de contacto</translation>
    </message>
    <message>
      <source>this note</source>
      <translation>esta nota</translation>
    </message>
    <message>
      <source>This assessment</source>
      <translation>Esta evaluación</translation>
    </message>
    <message>
      <source>This event</source>
      <translation>Este evento</translation>
    </message>
    <message>
      <source>This encounter</source>
      <translation>Este encuentro</translation>
    </message>
    <message>
      <source>This contact attempt</source>
      <translation>Este intento de contacto</translation>
    </message>
    <message>
      <source>This note</source>
      <translation>Esta nota</translation>
    </message>
    <message>
      <source>intake</source>
      <translation>admisión</translation>
    </message>
    <message>
      <source>follow-up</source>
      <translation>seguimiento</translation>
    </message>
    <message>
      <source>discharge</source>
      <translation>alta</translation>
    </message>
    <message>
      <source>Choose why the record is voided ({choices})</source>
      <translation>Elija por qué se anula el registro ({choices})</translation>
    </message>
    <message>
      <source>This record is already voided</source>
      <translation>Este registro ya está anulado</translation>
    </message>
    <message>
      <source>This record is not voided</source>
      <translation>Este registro no está anulado</translation>
    </message>
    <message>
      <source>Give the reason for the erasure (the legal ground); nothing was erased</source>
      <translation>Indique el motivo del borrado (el fundamento legal); no se borró nada</translation>
    </message>
    <message>
      <source>The code typed again ({typed}) is not {code}; nothing was erased</source>
      <translation>El código escrito de nuevo ({typed}) no es {code}; no se borró nada</translation>
    </message>
    <message>
      <source>There is no client with the code {code}</source>
      <translation>No hay ningún cliente con el código {code}</translation>
    </message>
    <message>
      <source>This client no longer exists</source>
      <translation>Este cliente ya no existe</translation>
    </message>
    <message>
      <source>{record} no longer exists; it was erased on another workstation.</source>
      <translation>{record} ya no existe; se borró en otro puesto.</translation>
    </message>
    <message>
      <source>{record} was changed on another workstation since you opened it. Nothing was overwritten; reopen it to see what is stored now.</source>
      <translation>{record} se modificó en otro puesto desde que lo abrió. No se sobrescribió nada; vuelva a abrirlo para ver lo que hay guardado ahora.</translation>
    </message>
    <message>
      <source>Front desk may correct only what they entered themselves; {record} was entered by someone else. Ask a manager to correct it.</source>
      <translation>Recepción solo puede corregir lo que introdujo; otra persona introdujo {record}. Pida la corrección a un responsable.</translation>
    </message>
    <message>
      <source>Front desk may correct their own entries for {days} days; {record} was entered on {day}. Ask a manager to correct it.</source>
      <translation>Recepción puede corregir lo que introdujo durante {days} días; {record} se introdujo el {day}. Pida la corrección a un responsable.</translation>
    </message>
    <message>
      <source>There is already an assessment for this client on {day}: choose another date, or open that assessment from the timeline on the client's page to correct it</source>
      <translation>Ya hay una evaluación de este cliente del {day}: elija otra fecha, o abra esa evaluación desde la cronología de la página del cliente para corregirla</translation>
    </message>
    <message>
      <source>{doing} would leave the {kind} of {day} outside its episode: {problem}</source>
      <translation>{doing} dejaría la evaluación de {kind} del {day} fuera de su episodio: {problem}</translation>
    </message>
    <message>
      <source>Front desk may correct their own entries for {days} days; {record} was entered on an unknown day. Ask a manager to correct it.</source>
      <translation>Recepción puede corregir lo que introdujo durante {days} días; no se sabe qué día se introdujo {record}. Pida la corrección a un responsable.</translation>
    </message>
    <message>
      <source>assessment</source>
      <translation>evaluación</translation>
    </message>
    <message>
      <source>event</source>
      <translation>evento</translation>
    </message>
    <message>
      <source>encounter</source>
      <translation>encuentro</translation>
    </message>
    <message>
      <source>contact attempt</source>
      <translation>intento de contacto</translation>
    </message>
    <message>
      <source>This correction</source>
      <translation>Esta corrección</translation>
    </message>
    <message>
      <source>Voiding this record</source>
      <translation>Anular este registro</translation>
    </message>
    <message>
      <source>Restoring this record</source>
      <translation>Restaurar este registro</translation>
    </message>
    <message>
      <source>1 strongly disagree · 2 disagree · 3 somewhat disagree · 4 somewhat agree · 5 agree · 6 strongly agree</source>
      <translation>1 totalmente en desacuerdo · 2 en desacuerdo · 3 algo en desacuerdo · 4 algo de acuerdo · 5 de acuerdo · 6 totalmente de acuerdo</translation>
    </message>
    <message>
      <source>Client code</source>
      <translation>Código de cliente</translation>
    </message>
    <message>
      <source>There are more important things to me in life than using substances.</source>
      <translation>Hay cosas en la vida más importantes para mí que consumir sustancias.</translation>
    </message>
    <message>
      <source>In general I am happy with my life.</source>
      <translation>En general estoy contento/a con mi vida.</translation>
    </message>
    <message>
      <source>I have enough energy to complete the tasks I set for myself.</source>
      <translation>Tengo suficiente energía para completar las tareas que me propongo.</translation>
    </message>
    <message>
      <source>I am proud of the community I live in and feel part of it.</source>
      <translation>Estoy orgulloso/a de la comunidad en la que vivo y me siento parte de ella.</translation>
    </message>
    <message>
      <source>I get lots of support from friends.</source>
      <translation>Recibo mucho apoyo de mis amigos.</translation>
    </message>
    <message>
      <source>I regard my life as challenging and fulfilling without the need for using drugs or alcohol.</source>
      <translation>Considero que mi vida es estimulante y plena sin necesidad de consumir drogas o alcohol.</translation>
    </message>
    <message>
      <source>My living space has helped to drive my recovery journey.</source>
      <translation>El lugar donde vivo me ha ayudado a avanzar en mi camino de recuperación.</translation>
    </message>
    <message>
      <source>I take full responsibility for my actions.</source>
      <translation>Asumo plena responsabilidad por mis actos.</translation>
    </message>
    <message>
      <source>I am happy dealing with a range of professional people.</source>
      <translation>Me siento a gusto tratando con distintos profesionales.</translation>
    </message>
    <message>
      <source>I am making good progress on my recovery journey.</source>
      <translation>Estoy avanzando bien en mi camino de recuperación.</translation>
    </message>
    <message>
      <source>Treatment</source>
      <translation>Tratamiento</translation>
    </message>
    <message>
      <source>Mental health</source>
      <translation>Salud mental</translation>
    </message>
    <message>
      <source>Medical</source>
      <translation>Médica</translation>
    </message>
    <message>
      <source>Housing</source>
      <translation>Vivienda</translation>
    </message>
    <message>
      <source>Social services</source>
      <translation>Servicios sociales</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>Otro</translation>
    </message>
    <message>
      <source>Revoked on</source>
      <translation>Revocado el</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>Sí</translation>
    </message>
    <message>
      <source>No</source>
      <translation>No</translation>
    </message>
    <message>
      <source>The agency's number for this client. Left empty, the next free code is used.</source>
      <translation>El número de la agencia para este cliente. Si se deja vacío, se usa el siguiente código libre.</translation>
    </message>
    <message>
      <source>Given name</source>
      <translation>Nombre</translation>
    </message>
    <message>
      <source>Family name</source>
      <translation>Apellidos</translation>
    </message>
    <message>
      <source>Preferred name</source>
      <translation>Nombre preferido</translation>
    </message>
    <message>
      <source>Birth date</source>
      <translation>Fecha de nacimiento</translation>
    </message>
    <message>
      <source>Sex at birth</source>
      <translation>Sexo al nacer</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>Género</translation>
    </message>
    <message>
      <source>Race</source>
      <translation>Raza</translation>
    </message>
    <message>
      <source>Ethnicity</source>
      <translation>Etnia</translation>
    </message>
    <message>
      <source>Postal code</source>
      <translation>Código postal</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Teléfono</translation>
    </message>
    <message>
      <source>Consents to be contacted</source>
      <translation>Acepta que se le contacte</translation>
    </message>
    <message>
      <source>Date of interview</source>
      <translation>Fecha de la entrevista</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Tipo</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Contacto</translation>
    </message>
    <message>
      <source>Last use of alcohol or drugs</source>
      <translation>Último consumo de alcohol o drogas</translation>
    </message>
    <message>
      <source>Injecting days</source>
      <translation>Días de inyección</translation>
    </message>
    <message>
      <source>Days injected in the past 28.</source>
      <translation>Días con inyección en los últimos 28.</translation>
    </message>
    <message>
      <source>Shared injecting equipment</source>
      <translation>Compartió material de inyección</translation>
    </message>
    <message>
      <source>Offending days</source>
      <translation>Días de delitos</translation>
    </message>
    <message>
      <source>Days of crime in the past 28.</source>
      <translation>Días con delitos en los últimos 28.</translation>
    </message>
    <message>
      <source>Work or study days</source>
      <translation>Días de trabajo o estudio</translation>
    </message>
    <message>
      <source>Days of paid work or study in the past 28.</source>
      <translation>Días de trabajo remunerado o estudio en los últimos 28.</translation>
    </message>
    <message>
      <source>Housing problem</source>
      <translation>Problema de vivienda</translation>
    </message>
    <message>
      <source>Psychological health</source>
      <translation>Salud psicológica</translation>
    </message>
    <message>
      <source>Physical health</source>
      <translation>Salud física</translation>
    </message>
    <message>
      <source>Quality of life</source>
      <translation>Calidad de vida</translation>
    </message>
    <message>
      <source>Medication</source>
      <translation>Medicación</translation>
    </message>
    <message>
      <source>Taken as prescribed</source>
      <translation>Tomada según la receta</translation>
    </message>
    <message>
      <source>Controlled environment</source>
      <translation>Entorno controlado</translation>
    </message>
    <message>
      <source>Client's goal</source>
      <translation>Objetivo del cliente</translation>
    </message>
    <message>
      <source>Sees self as in recovery</source>
      <translation>Se considera en recuperación</translation>
    </message>
    <message>
      <source>Earlier recovery attempts</source>
      <translation>Intentos de recuperación anteriores</translation>
    </message>
    <message>
      <source>Reason for discharge</source>
      <translation>Motivo del alta</translation>
    </message>
    <message>
      <source>Discharge note</source>
      <translation>Nota del alta</translation>
    </message>
    <message>
      <source>Substance</source>
      <translation>Sustancia</translation>
    </message>
    <message>
      <source>Primary</source>
      <translation>Principal</translation>
    </message>
    <message>
      <source>DSM-5 criteria present</source>
      <translation>Criterios DSM-5 presentes</translation>
    </message>
    <message>
      <source>Criterion last present</source>
      <translation>Último criterio presente</translation>
    </message>
    <message>
      <source>Use days</source>
      <translation>Días de consumo</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Fecha</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Suceso</translation>
    </message>
    <message>
      <source>How many</source>
      <translation>Cuántos</translation>
    </message>
    <message>
      <source>Referrals to substance use treatment</source>
      <translation>Derivaciones a tratamiento por consumo de sustancias</translation>
    </message>
    <message>
      <source>Including medication for opioid use disorder.</source>
      <translation>Incluida la medicación para el trastorno por consumo de opioides.</translation>
    </message>
    <message>
      <source>Referrals to mental health care</source>
      <translation>Derivaciones a atención de salud mental</translation>
    </message>
    <message>
      <source>Referrals to medical care</source>
      <translation>Derivaciones a atención médica</translation>
    </message>
    <message>
      <source>Primary care, HIV or hepatitis C care, wound care.</source>
      <translation>Atención primaria, atención del VIH o de la hepatitis C, cura de heridas.</translation>
    </message>
    <message>
      <source>Referrals to housing</source>
      <translation>Derivaciones a vivienda</translation>
    </message>
    <message>
      <source>Referrals to other social services</source>
      <translation>Derivaciones a otros servicios sociales</translation>
    </message>
    <message>
      <source>Benefits, legal help, food, identity documents.</source>
      <translation>Prestaciones, ayuda legal, alimentos, documentos de identidad.</translation>
    </message>
    <message>
      <source>Other referrals</source>
      <translation>Otras derivaciones</translation>
    </message>
    <message>
      <source>Area (postal code)</source>
      <translation>Zona (código postal)</translation>
    </message>
    <message>
      <source>Referrals</source>
      <translation>Derivaciones</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>Medio</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>Resultado</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Nota</translation>
    </message>
    <message>
      <source>Consent to disclose for</source>
      <translation>Consentimiento para divulgar con fines de</translation>
    </message>
    <message>
      <source>Recipient</source>
      <translation>Destinatario</translation>
    </message>
    <message>
      <source>Signed on</source>
      <translation>Firmado el</translation>
    </message>
    <message>
      <source>Expires on</source>
      <translation>Vence el</translation>
    </message>
    <message>
      <source>The day the client revoked the consent; from that day it covers nothing.</source>
      <translation>El día en que el cliente revocó el consentimiento; desde ese día no cubre nada.</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>Nombre de usuario</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>Nombre completo</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Función</translation>
    </message>
    <message>
      <source>Why is it voided?</source>
      <translation>¿Por qué se anula?</translation>
    </message>
    <message>
      <source>Note (optional)</source>
      <translation>Nota (opcional)</translation>
    </message>
    <message>
      <source>The client's own rating, 0 (poor) to 20 (good).</source>
      <translation>La valoración del propio cliente, de 0 (mala) a 20 (buena).</translation>
    </message>
    <message>
      <source>The name the client wants to be called by.</source>
      <translation>El nombre con el que el cliente quiere que se le llame.</translation>
    </message>
    <message>
      <source>May staff phone, text or write to the client for follow-ups?</source>
      <translation>¿Puede el personal llamar, enviar mensajes o escribir al cliente para los seguimientos?</translation>
    </message>
    <message>
      <source>Only a completed interview carries answers.</source>
      <translation>Solo una entrevista completada lleva respuestas.</translation>
    </message>
    <message>
      <source>Any alcohol or non-prescribed drug, or misuse of a prescription; not tobacco. Leave empty if the client declines.</source>
      <translation>Cualquier alcohol o droga no recetada, o mal uso de una receta; no el tabaco. Déjelo vacío si el cliente no responde.</translation>
    </message>
    <message>
      <source>In the past 28 days.</source>
      <translation>En los últimos 28 días.</translation>
    </message>
    <message>
      <source>Homeless or at risk of eviction in the past 28 days.</source>
      <translation>Sin hogar o en riesgo de desalojo en los últimos 28 días.</translation>
    </message>
    <message>
      <source>Where access to substances is restricted today.</source>
      <translation>Donde el acceso a sustancias está restringido hoy.</translation>
    </message>
    <message>
      <source>At intake only: serious attempts before this intake.</source>
      <translation>Solo en la admisión: intentos serios antes de esta admisión.</translation>
    </message>
    <message>
      <source>Why the episode closes. A death is also recorded as contact “Deceased”, which takes the client off every follow-up list.</source>
      <translation>Por qué se cierra el episodio. Un fallecimiento se registra también como contacto «Fallecido», que saca al cliente de toda lista de seguimiento.</translation>
    </message>
    <message>
      <source>Optional: anything the next worker should know about this discharge.</source>
      <translation>Opcional: lo que la próxima persona que atienda deba saber de esta alta.</translation>
    </message>
    <message>
      <source>The one substance that brought the client in; set at intake.</source>
      <translation>La sustancia que trajo al cliente; se fija en la admisión.</translation>
    </message>
    <message>
      <source>Since the previous assessment; at intake, in the past 12 months.</source>
      <translation>Desde la evaluación anterior; en la admisión, en los últimos 12 meses.</translation>
    </message>
    <message>
      <source>When a criterion other than craving was last present. Empty means the interview date.</source>
      <translation>Cuándo estuvo presente por última vez un criterio distinto del ansia. Vacío significa la fecha de la entrevista.</translation>
    </message>
    <message>
      <source>Days this substance was used in the past 28.</source>
      <translation>Días en que se consumió esta sustancia en los últimos 28.</translation>
    </message>
    <message>
      <source>Where the encounter happened; a postal code or outreach area.</source>
      <translation>Dónde ocurrió el encuentro; un código postal o una zona de alcance comunitario.</translation>
    </message>
    <message>
      <source>All referrals made. With a referral type counted, it must equal the types added up (left empty, it is their sum); with none, its referrals count as type not recorded.</source>
      <translation>Todas las derivaciones realizadas. Con algún tipo de derivación contado, debe ser igual a la suma de los tipos (vacío, es su suma); sin ninguno, sus derivaciones cuentan como de tipo no registrado.</translation>
    </message>
    <message>
      <source>What the signed consent form allows (42 CFR part 2).</source>
      <translation>Lo que permite el formulario de consentimiento firmado (42 CFR parte 2).</translation>
    </message>
    <message>
      <source>For a consent to a named recipient: the person or organisation named.</source>
      <translation>Para un consentimiento a un destinatario nombrado: la persona u organización nombrada.</translation>
    </message>
    <message>
      <source>The last day the consent covers; empty when it runs until revoked.</source>
      <translation>El último día que cubre el consentimiento; vacío cuando dura hasta que se revoque.</translation>
    </message>
    <message>
      <source>Non-binary</source>
      <translation>No binario</translation>
    </message>
    <message>
      <source>Transgender woman</source>
      <translation>Mujer transgénero</translation>
    </message>
    <message>
      <source>Transgender man</source>
      <translation>Hombre transgénero</translation>
    </message>
    <message>
      <source>American Indian or Alaska Native</source>
      <translation>Indígena americano o nativo de Alaska</translation>
    </message>
    <message>
      <source>Black or African American</source>
      <translation>Negro o afroamericano</translation>
    </message>
    <message>
      <source>Native Hawaiian or Pacific Islander</source>
      <translation>Nativo de Hawái o de las islas del Pacífico</translation>
    </message>
    <message>
      <source>More than one race</source>
      <translation>Más de una raza</translation>
    </message>
    <message>
      <source>Hispanic or Latino</source>
      <translation>Hispano o latino</translation>
    </message>
    <message>
      <source>Not Hispanic or Latino</source>
      <translation>No hispano ni latino</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>Seguimiento</translation>
    </message>
    <message>
      <source>Completed interview</source>
      <translation>Entrevista completada</translation>
    </message>
    <message>
      <source>In hospital</source>
      <translation>En el hospital</translation>
    </message>
    <message>
      <source>None</source>
      <translation>Ninguno</translation>
    </message>
    <message>
      <source>Jail or prison</source>
      <translation>Cárcel o prisión</translation>
    </message>
    <message>
      <source>BARC-10 item</source>
      <translation>Ítem del BARC-10</translation>
    </message>
    <message>
      <source>Safer use</source>
      <translation>Consumo más seguro</translation>
    </message>
    <message>
      <source>Medication treatment</source>
      <translation>Tratamiento con medicación</translation>
    </message>
    <message>
      <source>Completed the programme</source>
      <translation>Completó el programa</translation>
    </message>
    <message>
      <source>Left the programme</source>
      <translation>Dejó el programa</translation>
    </message>
    <message>
      <source>Transferred to another service</source>
      <translation>Derivado a otro servicio</translation>
    </message>
    <message>
      <source>In jail or prison</source>
      <translation>En la cárcel o prisión</translation>
    </message>
    <message>
      <source>Died</source>
      <translation>Falleció</translation>
    </message>
    <message>
      <source>Larger amounts or longer than intended</source>
      <translation>Más cantidad o más tiempo del previsto</translation>
    </message>
    <message>
      <source>Wants or fails to cut down</source>
      <translation>Quiere reducir o no lo consigue</translation>
    </message>
    <message>
      <source>Much time getting, using, recovering</source>
      <translation>Mucho tiempo consiguiendo, consumiendo, recuperándose</translation>
    </message>
    <message>
      <source>Craving</source>
      <translation>Ansia</translation>
    </message>
    <message>
      <source>Fails at work, school or home</source>
      <translation>Falla en el trabajo, la escuela o el hogar</translation>
    </message>
    <message>
      <source>Goes on despite social problems</source>
      <translation>Sigue pese a problemas sociales</translation>
    </message>
    <message>
      <source>Activities given up</source>
      <translation>Actividades abandonadas</translation>
    </message>
    <message>
      <source>Use in hazardous situations</source>
      <translation>Consumo en situaciones peligrosas</translation>
    </message>
    <message>
      <source>Goes on despite physical or mental problems</source>
      <translation>Sigue pese a problemas físicos o mentales</translation>
    </message>
    <message>
      <source>Tolerance</source>
      <translation>Tolerancia</translation>
    </message>
    <message>
      <source>Withdrawal</source>
      <translation>Abstinencia</translation>
    </message>
    <message>
      <source>Overdose (survived)</source>
      <translation>Sobredosis (sobrevivida)</translation>
    </message>
    <message>
      <source>Emergency visit</source>
      <translation>Visita a urgencias</translation>
    </message>
    <message>
      <source>Hospital stay</source>
      <translation>Estancia en el hospital</translation>
    </message>
    <message>
      <source>New HIV diagnosis</source>
      <translation>Nuevo diagnóstico de VIH</translation>
    </message>
    <message>
      <source>New HCV diagnosis</source>
      <translation>Nuevo diagnóstico de VHC</translation>
    </message>
    <message>
      <source>Driving under the influence</source>
      <translation>Conducir bajo los efectos</translation>
    </message>
    <message>
      <source>In person</source>
      <translation>En persona</translation>
    </message>
    <message>
      <source>No answer</source>
      <translation>Sin respuesta</translation>
    </message>
    <message>
      <source>Treatment, payment and health-care operations</source>
      <translation>Tratamiento, pago y operaciones de atención médica</translation>
    </message>
    <message>
      <source>A named recipient</source>
      <translation>Un destinatario nombrado</translation>
    </message>
    <message>
      <source>Research</source>
      <translation>Investigación</translation>
    </message>
    <message>
      <source>Front desk</source>
      <translation>Recepción</translation>
    </message>
    <message>
      <source>Entered for the wrong client</source>
      <translation>Introducido para otro cliente</translation>
    </message>
    <message>
      <source>Wrong date</source>
      <translation>Fecha equivocada</translation>
    </message>
    <message>
      <source>Duplicate</source>
      <translation>Duplicado</translation>
    </message>
    <message>
      <source>Entered in error</source>
      <translation>Introducido por error</translation>
    </message>
    <message>
      <source>Naloxone kits</source>
      <translation>Kits de naloxona</translation>
    </message>
    <message>
      <source>Overdose reversals reported</source>
      <translation>Reversiones de sobredosis informadas</translation>
    </message>
    <message>
      <source>Syringes given</source>
      <translation>Jeringas entregadas</translation>
    </message>
    <message>
      <source>Syringes returned</source>
      <translation>Jeringas devueltas</translation>
    </message>
    <message>
      <source>Test strips</source>
      <translation>Tiras reactivas</translation>
    </message>
    <message>
      <source>HIV tests</source>
      <translation>Pruebas de VIH</translation>
    </message>
    <message>
      <source>HCV tests</source>
      <translation>Pruebas de VHC</translation>
    </message>
    <message>
      <source>Same birth date, similar name</source>
      <translation>Misma fecha de nacimiento, nombre parecido</translation>
    </message>
    <message>
      <source>Same name, birth date nearly the same</source>
      <translation>Mismo nombre, fecha de nacimiento casi igual</translation>
    </message>
    <message>
      <source>Consents to sharing</source>
      <translation>Acepta compartir</translation>
    </message>
    <message>
      <source>The client's code, or empty for an anonymous encounter.</source>
      <translation>El código del cliente, o vacío para un encuentro anónimo.</translation>
    </message>
    <message>
      <source>Export: yes when a consent of the client (Consents sheet) is in force on the day of the export. Import: yes for a client with no consent on the Consents sheet or in the database records a treatment, payment and operations consent signed on the day the client was entered; no changes nothing.</source>
      <translation>Exportación: sí cuando un consentimiento del cliente (hoja Consentimientos) está vigente el día de la exportación. Importación: sí, para un cliente sin consentimiento en la hoja Consentimientos ni en la base de datos, registra un consentimiento de tratamiento, pago y operaciones firmado el día en que se registró al cliente; no, no cambia nada.</translation>
    </message>
    <message>
      <source>Status on</source>
      <translation>Estado al</translation>
    </message>
    <message>
      <source>DSM status</source>
      <translation>Estado DSM</translation>
    </message>
    <message>
      <source>Remission</source>
      <translation>Remisión</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>Gravedad</translation>
    </message>
    <message>
      <source>In a controlled environment</source>
      <translation>En un entorno controlado</translation>
    </message>
    <message>
      <source>On maintenance therapy</source>
      <translation>En terapia de mantenimiento</translation>
    </message>
    <message>
      <source>Sobriety</source>
      <translation>Sobriedad</translation>
    </message>
    <message>
      <source>Recovery</source>
      <translation>Recuperación</translation>
    </message>
    <message>
      <source>Recovery time frame</source>
      <translation>Período de recuperación</translation>
    </message>
    <message>
      <source>Remission episodes</source>
      <translation>Episodios de remisión</translation>
    </message>
    <message>
      <source>Recurrences</source>
      <translation>Recaídas</translation>
    </message>
    <message>
      <source>Recovery attempts</source>
      <translation>Intentos de recuperación</translation>
    </message>
    <message>
      <source>Harm to self</source>
      <translation>Daño a sí mismo</translation>
    </message>
    <message>
      <source>Flags set in the 12 months ending on as_of.</source>
      <translation>Indicadores marcados en los 12 meses que terminan en as_of.</translation>
    </message>
    <message>
      <source>Harm to others</source>
      <translation>Daño a otros</translation>
    </message>
    <message>
      <source>Harm to the community</source>
      <translation>Daño a la comunidad</translation>
    </message>
    <message>
      <source>Aggregate harm index</source>
      <translation>Índice agregado de daño</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Ítem</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>Texto</translation>
    </message>
    <message>
      <source>The day the client revoked the consent; empty while it stands.</source>
      <translation>El día en que el cliente revocó el consentimiento; vacío mientras sigue vigente.</translation>
    </message>
    <message>
      <source>The date the status describes.</source>
      <translation>La fecha que describe el estado.</translation>
    </message>
    <message>
      <source>Empty when the client has no substance recorded yet.</source>
      <translation>Vacío cuando el cliente aún no tiene ninguna sustancia registrada.</translation>
    </message>
    <message>
      <source>Specifier of a remission.</source>
      <translation>Especificador de una remisión.</translation>
    </message>
    <message>
      <source>Specifier of a full remission.</source>
      <translation>Especificador de una remisión total.</translation>
    </message>
    <message>
      <source>Earlier attempts given at intake plus remission episodes.</source>
      <translation>Intentos anteriores declarados en la admisión más episodios de remisión.</translation>
    </message>
    <message>
      <source>0 to 100 with one decimal: the three levels' shares of flags, averaged.</source>
      <translation>De 0 a 100 con un decimal: el promedio de las proporciones de indicadores de los tres niveles.</translation>
    </message>
    <message>
      <source>Sheet</source>
      <translation>Hoja</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>Columna</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>Etiqueta</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Tipo</translation>
    </message>
    <message>
      <source>Allowed values</source>
      <translation>Valores permitidos</translation>
    </message>
    <message>
      <source>Required</source>
      <translation>Obligatorio</translation>
    </message>
    <message>
      <source>Range or length</source>
      <translation>Rango o longitud</translation>
    </message>
    <message>
      <source>Identifies a person</source>
      <translation>Identifica a una persona</translation>
    </message>
    <message>
      <source>Explanation</source>
      <translation>Explicación</translation>
    </message>
    <message>
      <source>the database is locked by another workstation or program; try again in a moment</source>
      <translation>la base de datos está bloqueada por otro puesto o programa; vuelva a intentarlo en un momento</translation>
    </message>
    <message>
      <source>the database is busy with an import; try again in a moment</source>
      <translation>la base de datos está ocupada con una importación; inténtelo de nuevo en un momento</translation>
    </message>
    <message>
      <source>the disk holding the database is full</source>
      <translation>el disco que contiene la base de datos está lleno</translation>
    </message>
    <message>
      <source>the database can only be read here (a read-only file or folder)</source>
      <translation>aquí la base de datos solo se puede leer (un archivo o carpeta de solo lectura)</translation>
    </message>
    <message>
      <source>a record with the same code or name already exists</source>
      <translation>ya existe un registro con el mismo código o nombre</translation>
    </message>
    <message>
      <source>a value broke one of the database's rules</source>
      <translation>un valor incumplió una de las reglas de la base de datos</translation>
    </message>
    <message>
      <source>the database file is damaged; run 'recovery-desk check'</source>
      <translation>el archivo de la base de datos está dañado; ejecute 'recovery-desk check'</translation>
    </message>
    <message>
      <source>the disk could not be read or written</source>
      <translation>no se pudo leer o escribir el disco</translation>
    </message>
    <message>
      <source>the agency server cannot be reached; try again in a moment</source>
      <translation>no se puede conectar con el servidor de la agencia; inténtelo de nuevo en un momento</translation>
    </message>
    <message>
      <source>the database reported an error</source>
      <translation>la base de datos informó de un error</translation>
    </message>
    <message>
      <source>Agency name: write the agency's name; reports print it.</source>
      <translation>Nombre de la agencia: escriba el nombre de la agencia; los informes lo imprimen.</translation>
    </message>
    <message>
      <source>State: write a US state or its two-letter code (for example OR or Oregon).</source>
      <translation>Estado: escriba un estado de EE. UU. o su código de dos letras (por ejemplo OR u Oregon).</translation>
    </message>
    <message>
      <source>Server: write the address of the agency's PostgreSQL database.</source>
      <translation>Servidor: escriba la dirección de la base de datos PostgreSQL de la agencia.</translation>
    </message>
    <message>
      <source>Server: cannot use it: {reason}</source>
      <translation>Servidor: no se puede usar: {reason}</translation>
    </message>
    <message>
      <source>Server: this database already has {accounts} accounts; sign in to it with --db instead of setting it up again.</source>
      <translation>Servidor: esta base de datos ya tiene {accounts} cuentas; inicie sesión en ella con --db en lugar de configurarla de nuevo.</translation>
    </message>
    <message>
      <source>Passphrase: at least {length} characters.</source>
      <translation>Frase de contraseña: al menos {length} caracteres.</translation>
    </message>
    <message>
      <source>Passphrase again: the two passphrases differ.</source>
      <translation>Repetir frase de contraseña: las dos frases no coinciden.</translation>
    </message>
    <message>
      <source>Encryption: this installation cannot encrypt (the sqlcipher3 package is missing).</source>
      <translation>Cifrado: esta instalación no puede cifrar (falta el paquete sqlcipher3).</translation>
    </message>
    <message>
      <source>Backups folder: {folder} is not a folder that exists.</source>
      <translation>Carpeta de copias de seguridad: {folder} no es una carpeta que exista.</translation>
    </message>
    <message>
      <source>This database already has an administrator; sign in instead.</source>
      <translation>Esta base de datos ya tiene un administrador; inicie sesión.</translation>
    </message>
    <message>
      <source>{code} was changed at a desk while this import ran; nothing was imported, run it again</source>
      <translation>{code} se modificó en un puesto de trabajo mientras se hacía esta importación; no se importó nada, vuelva a importar</translation>
    </message>
    <message>
      <source>{code} was registered in the database while this import ran; give this client another code or leave that one out, then import again</source>
      <translation>{code} se registró en la base de datos mientras se hacía esta importación; dé otro código a este cliente o quítelo del archivo, y vuelva a importar</translation>
    </message>
    <message>
      <source>Note date</source>
      <translation>Fecha de la nota</translation>
    </message>
    <message>
      <source>The day the note is about; today unless you write it down later.</source>
      <translation>El día al que se refiere la nota; hoy, salvo que la escriba más tarde.</translation>
    </message>
    <message>
      <source>A short note for the agency's staff. It is never exported, never sent to a funder and never printed in a report.</source>
      <translation>Una nota breve para el personal de la agencia. Nunca se exporta, nunca se envía a un financiador y nunca se imprime en un informe.</translation>
    </message>
    <message>
      <source>This note no longer exists or was voided on another workstation.</source>
      <translation>Esta nota ya no existe o fue anulada en otro puesto.</translation>
    </message>
    <message>
      <source>{label} may not be before the client's birth ({birth})</source>
      <translation>{label} no puede ser anterior al nacimiento del cliente ({birth})</translation>
    </message>
    <message>
      <source>Use at least {n} characters; a few words you will remember make a good password</source>
      <translation>Use al menos {n} caracteres; unas cuantas palabras que recuerde forman una buena contraseña</translation>
    </message>
    <message>
      <source>Use at most {n} characters</source>
      <translation>Use como máximo {n} caracteres</translation>
    </message>
    <message>
      <source>This password is on a list of common or breached passwords; choose another</source>
      <translation>Esta contraseña está en una lista de contraseñas comunes o filtradas; elija otra</translation>
    </message>
    <message>
      <source>The password must not be the user name</source>
      <translation>La contraseña no puede ser el nombre de usuario</translation>
    </message>
    <message>
      <source>The two passwords differ</source>
      <translation>Las dos contraseñas no coinciden</translation>
    </message>
    <message>
      <source>The shortest password allowed must be between {low} and {high} characters</source>
      <translation>La contraseña más corta permitida debe tener entre {low} y {high} caracteres</translation>
    </message>
    <message>
      <source>PRACTICE (made-up clients) · {agency}</source>
      <translation>PRÁCTICA (clientes inventados) · {agency}</translation>
    </message>
    <message>
      <source>entered</source>
      <translation>introducido</translation>
    </message>
    <message>
      <source>corrected</source>
      <translation>corregido</translation>
    </message>
    <message>
      <source>voided</source>
      <translation>anulado</translation>
    </message>
    <message>
      <source>restored</source>
      <translation>restaurado</translation>
    </message>
    <message>
      <source>Agency name</source>
      <translation>Nombre de la agencia</translation>
    </message>
    <message>
      <source>Client code prefix</source>
      <translation>Prefijo del código de cliente</translation>
    </message>
    <message>
      <source>Follow-up points (months)</source>
      <translation>Puntos de seguimiento (meses)</translation>
    </message>
    <message>
      <source>Suppress counts below</source>
      <translation>Ocultar recuentos menores que</translation>
    </message>
    <message>
      <source>Paper size</source>
      <translation>Tamaño del papel</translation>
    </message>
    <message>
      <source>Language of reports</source>
      <translation>Idioma de los informes</translation>
    </message>
    <message>
      <source>Lock after (minutes)</source>
      <translation>Bloquear tras (minutos)</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Estado</translation>
    </message>
    <message>
      <source>Backups folder</source>
      <translation>Carpeta de copias de seguridad</translation>
    </message>
    <message>
      <source>Keep daily backups</source>
      <translation>Conservar copias diarias</translation>
    </message>
    <message>
      <source>Keep weekly backups</source>
      <translation>Conservar copias semanales</translation>
    </message>
    <message>
      <source>Keep monthly backups</source>
      <translation>Conservar copias mensuales</translation>
    </message>
    <message>
      <source>Shortest password</source>
      <translation>Contraseña más corta</translation>
    </message>
    <message>
      <source>Lock a user name after (failed sign-ins)</source>
      <translation>Bloquear un nombre de usuario tras (intentos fallidos)</translation>
    </message>
    <message>
      <source>Failed sign-ins counted within (minutes)</source>
      <translation>Intentos fallidos contados en (minutos)</translation>
    </message>
    <message>
      <source>Front desk corrects own entries for (days)</source>
      <translation>Recepción corrige sus propios registros durante (días)</translation>
    </message>
    <message>
      <source>Cost of a naloxone kit</source>
      <translation>Coste de un kit de naloxona</translation>
    </message>
    <message>
      <source>Cost of a syringe</source>
      <translation>Coste de una jeringa</translation>
    </message>
    <message>
      <source>Cost of a test strip</source>
      <translation>Coste de una tira reactiva</translation>
    </message>
    <message>
      <source>Cost of an HIV test</source>
      <translation>Coste de una prueba de VIH</translation>
    </message>
    <message>
      <source>Cost of an HCV test</source>
      <translation>Coste de una prueba de VHC</translation>
    </message>
    <message>
      <source>{label}: write the agency's name; reports print it.</source>
      <translation>{label}: escriba el nombre de la agencia; los informes lo imprimen.</translation>
    </message>
    <message>
      <source>{label}: choose letter or a4</source>
      <translation>{label}: elija letter o a4</translation>
    </message>
    <message>
      <source>{label}: choose one of {choices}</source>
      <translation>{label}: elija uno de {choices}</translation>
    </message>
    <message>
      <source>{label}: write the months after intake as whole numbers, e.g. 3, 6, 12</source>
      <translation>{label}: escriba los meses tras la admisión como números enteros, p. ej. 3, 6, 12</translation>
    </message>
    <message>
      <source>{label}: follow-up points must be between 2 and {high} months</source>
      <translation>{label}: los puntos de seguimiento deben estar entre 2 y {high} meses</translation>
    </message>
    <message>
      <source>{label}: write an amount such as 12.50 (at most {high}), or leave it empty</source>
      <translation>{label}: escriba un importe como 12.50 (como máximo {high}), o déjelo vacío</translation>
    </message>
    <message>
      <source>{label}: use at most {n} characters</source>
      <translation>{label}: use como máximo {n} caracteres</translation>
    </message>
    <message>
      <source>{label}: write a whole number between {low} and {high}</source>
      <translation>{label}: escriba un número entero entre {low} y {high}</translation>
    </message>
    <message>
      <source>{label}: the folder {folder} does not exist</source>
      <translation>{label}: la carpeta {folder} no existe</translation>
    </message>
    <message>
      <source>Alabama</source>
      <translation>Alabama</translation>
    </message>
    <message>
      <source>Alaska</source>
      <translation>Alaska</translation>
    </message>
    <message>
      <source>Arizona</source>
      <translation>Arizona</translation>
    </message>
    <message>
      <source>Arkansas</source>
      <translation>Arkansas</translation>
    </message>
    <message>
      <source>California</source>
      <translation>California</translation>
    </message>
    <message>
      <source>Colorado</source>
      <translation>Colorado</translation>
    </message>
    <message>
      <source>Connecticut</source>
      <translation>Connecticut</translation>
    </message>
    <message>
      <source>Delaware</source>
      <translation>Delaware</translation>
    </message>
    <message>
      <source>District of Columbia</source>
      <translation>Distrito de Columbia</translation>
    </message>
    <message>
      <source>Florida</source>
      <translation>Florida</translation>
    </message>
    <message>
      <source>Georgia</source>
      <translation>Georgia</translation>
    </message>
    <message>
      <source>Hawaii</source>
      <translation>Hawái</translation>
    </message>
    <message>
      <source>Idaho</source>
      <translation>Idaho</translation>
    </message>
    <message>
      <source>Illinois</source>
      <translation>Illinois</translation>
    </message>
    <message>
      <source>Indiana</source>
      <translation>Indiana</translation>
    </message>
    <message>
      <source>Iowa</source>
      <translation>Iowa</translation>
    </message>
    <message>
      <source>Kansas</source>
      <translation>Kansas</translation>
    </message>
    <message>
      <source>Kentucky</source>
      <translation>Kentucky</translation>
    </message>
    <message>
      <source>Louisiana</source>
      <translation>Luisiana</translation>
    </message>
    <message>
      <source>Maine</source>
      <translation>Maine</translation>
    </message>
    <message>
      <source>Maryland</source>
      <translation>Maryland</translation>
    </message>
    <message>
      <source>Massachusetts</source>
      <translation>Massachusetts</translation>
    </message>
    <message>
      <source>Michigan</source>
      <translation>Míchigan</translation>
    </message>
    <message>
      <source>Minnesota</source>
      <translation>Minnesota</translation>
    </message>
    <message>
      <source>Mississippi</source>
      <translation>Misisipi</translation>
    </message>
    <message>
      <source>Missouri</source>
      <translation>Misuri</translation>
    </message>
    <message>
      <source>Montana</source>
      <translation>Montana</translation>
    </message>
    <message>
      <source>Nebraska</source>
      <translation>Nebraska</translation>
    </message>
    <message>
      <source>Nevada</source>
      <translation>Nevada</translation>
    </message>
    <message>
      <source>New Hampshire</source>
      <translation>Nuevo Hampshire</translation>
    </message>
    <message>
      <source>New Jersey</source>
      <translation>Nueva Jersey</translation>
    </message>
    <message>
      <source>New Mexico</source>
      <translation>Nuevo México</translation>
    </message>
    <message>
      <source>New York</source>
      <translation>Nueva York</translation>
    </message>
    <message>
      <source>North Carolina</source>
      <translation>Carolina del Norte</translation>
    </message>
    <message>
      <source>North Dakota</source>
      <translation>Dakota del Norte</translation>
    </message>
    <message>
      <source>Ohio</source>
      <translation>Ohio</translation>
    </message>
    <message>
      <source>Oklahoma</source>
      <translation>Oklahoma</translation>
    </message>
    <message>
      <source>Oregon</source>
      <translation>Oregón</translation>
    </message>
    <message>
      <source>Pennsylvania</source>
      <translation>Pensilvania</translation>
    </message>
    <message>
      <source>Rhode Island</source>
      <translation>Rhode Island</translation>
    </message>
    <message>
      <source>South Carolina</source>
      <translation>Carolina del Sur</translation>
    </message>
    <message>
      <source>South Dakota</source>
      <translation>Dakota del Sur</translation>
    </message>
    <message>
      <source>Tennessee</source>
      <translation>Tennessee</translation>
    </message>
    <message>
      <source>Texas</source>
      <translation>Texas</translation>
    </message>
    <message>
      <source>Utah</source>
      <translation>Utah</translation>
    </message>
    <message>
      <source>Vermont</source>
      <translation>Vermont</translation>
    </message>
    <message>
      <source>Virginia</source>
      <translation>Virginia</translation>
    </message>
    <message>
      <source>Washington</source>
      <translation>Washington</translation>
    </message>
    <message>
      <source>West Virginia</source>
      <translation>Virginia Occidental</translation>
    </message>
    <message>
      <source>Wisconsin</source>
      <translation>Wisconsin</translation>
    </message>
    <message>
      <source>Wyoming</source>
      <translation>Wyoming</translation>
    </message>
    <message>
      <source>American Samoa</source>
      <translation>Samoa Americana</translation>
    </message>
    <message>
      <source>Guam</source>
      <translation>Guam</translation>
    </message>
    <message>
      <source>Northern Mariana Islands</source>
      <translation>Islas Marianas del Norte</translation>
    </message>
    <message>
      <source>Puerto Rico</source>
      <translation>Puerto Rico</translation>
    </message>
    <message>
      <source>U.S. Virgin Islands</source>
      <translation>Islas Vírgenes de EE. UU.</translation>
    </message>
    <message>
      <source>methadone</source>
      <translation>metadona</translation>
    </message>
    <message>
      <source>buprenorphine</source>
      <translation>buprenorfina</translation>
    </message>
    <message>
      <source>{criterion} does not count while {medication} is taken as prescribed; untick it</source>
      <translation>{criterion} no cuenta mientras se toma {medication} según lo recetado; desmárquelo</translation>
    </message>
    <message>
      <source>Tolerance and withdrawal do not count while {medication} is taken as prescribed; untick them</source>
      <translation>La tolerancia y la abstinencia no cuentan mientras se toma {medication} según lo recetado; desmárquelas</translation>
    </message>
    <message>
      <source>{label} {problem}</source>
      <translation>{label}: {problem}</translation>
    </message>
    <message>
      <source>Birth date {date} would make the client over {years}; check the year</source>
      <translation>Con la fecha de nacimiento {date}, el cliente tendría más de {years} años; revise el año</translation>
    </message>
    <message>
      <source>Record at least one thing given, done or reported</source>
      <translation>Anote al menos una cosa entregada, hecha o informada</translation>
    </message>
    <message>
      <source>{label} ({total}) must equal the referrals by type added up ({typed})</source>
      <translation>{label} ({total}) debe ser igual a la suma de las derivaciones por tipo ({typed})</translation>
    </message>
    <message>
      <source>Recipient is required for a consent to a named recipient</source>
      <translation>Un consentimiento a un destinatario nombrado necesita el destinatario</translation>
    </message>
    <message>
      <source>Expires on ({expires}) must be after the date signed ({signed})</source>
      <translation>La fecha de vencimiento ({expires}) debe ser posterior a la de la firma ({signed})</translation>
    </message>
    <message>
      <source>Revoked on ({revoked}) cannot be before the date signed ({signed})</source>
      <translation>La fecha de revocación ({revoked}) no puede ser anterior a la de la firma ({signed})</translation>
    </message>
    <message>
      <source>{label} is required</source>
      <translation>{label}: es obligatorio</translation>
    </message>
    <message>
      <source>A client who died is discharged with contact “Deceased”; choose it</source>
      <translation>Un cliente que falleció se da de alta con contacto «Fallecido»; elíjalo</translation>
    </message>
    <message>
      <source>Substance {number}: {problem}</source>
      <translation>Sustancia {number}: {problem}</translation>
    </message>
    <message>
      <source>{date} is before the client's birth date ({birth})</source>
      <translation>{date} es anterior a la fecha de nacimiento del cliente ({birth})</translation>
    </message>
    <message>
      <source>A completed interview needs at least one substance</source>
      <translation>Una entrevista completada necesita al menos una sustancia</translation>
    </message>
    <message>
      <source>Last use cannot be after the date of the interview</source>
      <translation>El último consumo no puede ser posterior a la fecha de la entrevista</translation>
    </message>
    <message>
      <source>Earlier recovery attempts are asked at intake only</source>
      <translation>Los intentos de recuperación anteriores solo se preguntan en la admisión</translation>
    </message>
    <message>
      <source>Answer all ten BARC-10 items, or leave all ten empty</source>
      <translation>Responda los diez ítems del BARC-10, o deje los diez vacíos</translation>
    </message>
    <message>
      <source>Mark exactly one substance as primary at intake</source>
      <translation>En la admisión, marque exactamente una sustancia como principal</translation>
    </message>
    <message>
      <source>Leave the answers empty when the interview was not completed</source>
      <translation>Deje las respuestas vacías cuando la entrevista no se completó</translation>
    </message>
    <message>
      <source>Substances are recorded only for a completed interview</source>
      <translation>Las sustancias solo se anotan en una entrevista completada</translation>
    </message>
    <message>
      <source>Recipient is only for a consent to a named recipient; leave it empty for this scope</source>
      <translation>El destinatario es solo para un consentimiento a un destinatario nombrado; déjelo vacío para este alcance</translation>
    </message>
    <message>
      <source>The contact says the client died: the reason for discharge is “Died”</source>
      <translation>El contacto dice que el cliente falleció: el motivo del alta es «Falleció»</translation>
    </message>
    <message>
      <source>{label} is required for a completed interview</source>
      <translation>{label}: es obligatorio en una entrevista completada</translation>
    </message>
    <message>
      <source>{substance} is entered twice</source>
      <translation>{substance} está anotada dos veces</translation>
    </message>
    <message>
      <source>Criterion last present cannot be after the date of the interview</source>
      <translation>El último criterio presente no puede ser posterior a la fecha de la entrevista</translation>
    </message>
    <message>
      <source>Mark only one substance as primary</source>
      <translation>Marque solo una sustancia como principal</translation>
    </message>
    <message>
      <source>{label} is asked at a discharge only</source>
      <translation>{label} solo se pregunta en un alta</translation>
    </message>
    <message>
      <source>is a formula, not a value: type the value itself</source>
      <translation>es una fórmula, no un valor: escriba el valor mismo</translation>
    </message>
    <message>
      <source>'{given}' is not one of the choices ({allowed})</source>
      <translation>'{given}' no es una de las opciones ({allowed})</translation>
    </message>
    <message>
      <source>must be text</source>
      <translation>debe ser texto</translation>
    </message>
    <message>
      <source>is not a date; write it as YYYY-MM-DD, for example 2024-03-31</source>
      <translation>no es una fecha; escríbala como AAAA-MM-DD, por ejemplo 2024-03-31</translation>
    </message>
    <message>
      <source>is not a date: {month} {year} has no day {day}</source>
      <translation>no es una fecha: {month} de {year} no tiene día {day}</translation>
    </message>
    <message>
      <source>must be a whole number</source>
      <translation>debe ser un número entero</translation>
    </message>
    <message>
      <source>must be yes or no</source>
      <translation>debe ser sí o no</translation>
    </message>
    <message>
      <source>contains an invisible control character (U+{code}); retype it</source>
      <translation>contiene un carácter de control invisible (U+{code}); vuelva a escribirlo</translation>
    </message>
    <message>
      <source>is too long: {length} characters, at most {most}</source>
      <translation>es demasiado largo: {length} caracteres, como máximo {most}</translation>
    </message>
    <message>
      <source>{date} is in the future</source>
      <translation>{date} está en el futuro</translation>
    </message>
    <message>
      <source>{date} is too long ago to be right</source>
      <translation>{date} es demasiado antigua para ser correcta</translation>
    </message>
    <message>
      <source>is not a date: there is no month {month}</source>
      <translation>no es una fecha: no existe el mes {month}</translation>
    </message>
    <message>
      <source>a number of {digits} digits</source>
      <translation>un número de {digits} cifras</translation>
    </message>
    <message>
      <source>must be between {low} and {high}, not {shown}</source>
      <translation>debe estar entre {low} y {high}, no {shown}</translation>
    </message>
    <message>
      <source>is not a date</source>
      <translation>no es una fecha</translation>
    </message>
    <message>
      <source>must be a whole number of at most {most} digits</source>
      <translation>debe ser un número entero de como máximo {most} cifras</translation>
    </message>
    <message>
      <source>Payment</source>
      <translation>Pago</translation>
    </message>
    <message>
      <source>Health-care operations</source>
      <translation>Operaciones de atención médica</translation>
    </message>
    <message>
      <source>Named recipient</source>
      <translation>Destinatario nombrado</translation>
    </message>
    <message>
      <source>Internal copy (stays in the agency)</source>
      <translation>Copia interna (se queda en la agencia)</translation>
    </message>
    <message>
      <source>Area not recorded</source>
      <translation>Zona no registrada</translation>
    </message>
    <message>
      <source>Other areas</source>
      <translation>Otras zonas</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Registro</translation>
    </message>
    <message>
      <source>Age at the end of the period</source>
      <translation>Edad al final del período</translation>
    </message>
    <message>
      <source>Year of first intake</source>
      <translation>Año de la primera admisión</translation>
    </message>
    <message>
      <source>Empty when no intake.</source>
      <translation>Vacío si no hay admisión.</translation>
    </message>
    <message>
      <source>Year of the latest completed assessment</source>
      <translation>Año de la última evaluación completada</translation>
    </message>
    <message>
      <source>On or before the end of the period.</source>
      <translation>En o antes del final del período.</translation>
    </message>
    <message>
      <source>Service episodes</source>
      <translation>Episodios de servicio</translation>
    </message>
    <message>
      <source>Follow-up windows closed in the period</source>
      <translation>Ventanas de seguimiento cerradas en el período</translation>
    </message>
    <message>
      <source>Of which completed in the window</source>
      <translation>De ellas, completadas en la ventana</translation>
    </message>
    <message>
      <source>Served in the period</source>
      <translation>Atendido en el período</translation>
    </message>
    <message>
      <source>Counted in harm</source>
      <translation>Contado en daño</translation>
    </message>
    <message>
      <source>Assessed in the harm period</source>
      <translation>Evaluado en el período de daño</translation>
    </message>
    <message>
      <source>Random for this export only; not derived from anything about the person.</source>
      <translation>Aleatorio solo para esta exportación; no se deriva de nada de la persona.</translation>
    </message>
    <message>
      <source>Whole years; every age over 89 is shown as 90+.</source>
      <translation>Años cumplidos; toda edad mayor de 89 se muestra como 90+.</translation>
    </message>
    <message>
      <source>The agency's state: no finer geography.</source>
      <translation>El estado de la agencia: ninguna geografía más precisa.</translation>
    </message>
    <message>
      <source>Intakes on or before the end of the period.</source>
      <translation>Admisiones en o antes del final del período.</translation>
    </message>
    <message>
      <source>At the latest completed assessment.</source>
      <translation>En la última evaluación completada.</translation>
    </message>
    <message>
      <source>A completed assessment or an identified encounter in the period.</source>
      <translation>Una evaluación completada o un encuentro identificado en el período.</translation>
    </message>
    <message>
      <source>An event, a death or a completed assessment in the harm period; the harm columns are empty otherwise.</source>
      <translation>Un suceso, una muerte o una evaluación completada en el período de daño; si no, las columnas de daño quedan vacías.</translation>
    </message>
    <message>
      <source>A completed assessment in the harm period: the clients harm means are over.</source>
      <translation>Una evaluación completada en el período de daño: los clientes sobre los que se calculan las medias de daño.</translation>
    </message>
    <message>
      <source>Under 18</source>
      <translation>Menos de 18</translation>
    </message>
    <message>
      <source>65 and over</source>
      <translation>65 o más</translation>
    </message>
    <message>
      <source>Days used the primary substance (of 28)</source>
      <translation>Días de consumo de la sustancia principal (de 28)</translation>
    </message>
    <message>
      <source>Injecting days (of 28)</source>
      <translation>Días de inyección (de 28)</translation>
    </message>
    <message>
      <source>Psychological health (0-20)</source>
      <translation>Salud psicológica (0-20)</translation>
    </message>
    <message>
      <source>Physical health (0-20)</source>
      <translation>Salud física (0-20)</translation>
    </message>
    <message>
      <source>Quality of life (0-20)</source>
      <translation>Calidad de vida (0-20)</translation>
    </message>
    <message>
      <source>Recovery capital, BARC-10 total (10-60)</source>
      <translation>Capital de recuperación, total BARC-10 (10-60)</translation>
    </message>
    <message>
      <source>Days worked (of 28)</source>
      <translation>Días trabajados (de 28)</translation>
    </message>
    <message>
      <source>Housing problem (share of clients)</source>
      <translation>Problema de vivienda (proporción de clientes)</translation>
    </message>
    <message>
      <source>Offending days (of 28)</source>
      <translation>Días con delitos (de 28)</translation>
    </message>
    <message>
      <source>Result of the call</source>
      <translation>Resultado de la llamada</translation>
    </message>
    <message>
      <source>no consent to contact</source>
      <translation>sin consentimiento de contacto</translation>
    </message>
    <message>
      <source>no phone</source>
      <translation>sin teléfono</translation>
    </message>
    <message>
      <source>Follow-ups to call on {day}</source>
      <translation>Seguimientos que llamar el {day}</translation>
    </message>
    <message>
      <source>{count} follow-ups.</source>
      <translation>{count} seguimientos.</translation>
    </message>
    <message>
      <source>shown: {state}</source>
      <translation>se muestran: {state}</translation>
    </message>
    <message>
      <source>the {months}-month point</source>
      <translation>el punto de {months} meses</translation>
    </message>
    <message>
      <source>windows closing within {days} days</source>
      <translation>ventanas que cierran en {days} días</translation>
    </message>
    <message>
      <source>A phone number is printed only for a client who consented to be contacted; the others are not to be called.</source>
      <translation>El teléfono se imprime solo para los clientes que consintieron ser contactados; a los demás no se les llama.</translation>
    </message>
    <message>
      <source>This sheet names clients: keep it out of sight, do not take it out of the agency, and shred it after use.</source>
      <translation>Esta hoja nombra a clientes: manténgala fuera de la vista, no la saque de la agencia y destrúyala después de usarla.</translation>
    </message>
    <message>
      <source>No follow-up to call.</source>
      <translation>Ningún seguimiento que llamar.</translation>
    </message>
    <message>
      <source>Page {number} of {total}</source>
      <translation>Página {number} de {total}</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Código</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nombre</translation>
    </message>
    <message>
      <source>Follow-up point (months)</source>
      <translation>Punto de seguimiento (meses)</translation>
    </message>
    <message>
      <source>Window closes</source>
      <translation>La ventana cierra</translation>
    </message>
    <message>
      <source>Contact attempts</source>
      <translation>Intentos de contacto</translation>
    </message>
    <message>
      <source>due</source>
      <translation>pendiente</translation>
    </message>
    <message>
      <source>closing within two weeks</source>
      <translation>cierra en dos semanas</translation>
    </message>
    <message>
      <source>missed</source>
      <translation>perdido</translation>
    </message>
    <message>
      <source>This record which has been disclosed to you is protected by Federal confidentiality rules (42 CFR part 2). These rules prohibit you from using or disclosing this record, or testimony that describes the information contained in this record, in any civil, criminal, administrative, or legislative proceedings by any Federal, State, or local authority, against the patient, unless authorized by the consent of the patient, except as provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. In addition, the Federal rules prohibit you from making any other use or disclosure of this record unless at least one of the following applies: (i) Further use or disclosure is expressly permitted by the written consent of the individual whose information is being disclosed in this record or as otherwise permitted by 42 CFR part 2. (ii) You are a covered entity or business associate and have received the record for treatment, payment, or health care operations, or (iii) You have received the record from a covered entity or business associate as permitted by 45 CFR part 164, subparts A and E. A general authorization for the release of medical or other information is NOT sufficient to meet the required elements of written consent to further use or redisclose the record (see 42 CFR 2.31).</source>
      <translation>Este registro que se le ha divulgado está protegido por las normas federales de confidencialidad (42 CFR part 2). Estas normas le prohíben usar o divulgar este registro, o testimonios que describan la información que contiene, en cualquier procedimiento civil, penal, administrativo o legislativo de cualquier autoridad federal, estatal o local contra el paciente, salvo que lo autorice el consentimiento del paciente, excepto según lo previsto en 42 CFR 2.12(c)(5) o según lo autorice un tribunal de conformidad con 42 CFR 2.64 o 2.65. Además, las normas federales le prohíben hacer cualquier otro uso o divulgación de este registro a menos que se cumpla al menos una de las siguientes condiciones: (i) el consentimiento por escrito de la persona cuya información se divulga en este registro permite expresamente su uso o divulgación posterior, o lo permite de otro modo 42 CFR part 2; (ii) usted es una entidad cubierta o un socio comercial y ha recibido el registro para tratamiento, pago u operaciones de atención médica; o (iii) ha recibido el registro de una entidad cubierta o de un socio comercial según lo permitido por 45 CFR part 164, subparts A y E. Una autorización general para la divulgación de información médica o de otro tipo NO es suficiente para cumplir los requisitos del consentimiento por escrito para un uso posterior o una nueva divulgación del registro (véase 42 CFR 2.31).</translation>
    </message>
    <message>
      <source>without any consent recorded</source>
      <translation>sin ningún consentimiento registrado</translation>
    </message>
    <message>
      <source>whose consents are for another purpose or recipient</source>
      <translation>cuyos consentimientos son para otro fin o destinatario</translation>
    </message>
    <message>
      <source>whose consent had expired</source>
      <translation>cuyo consentimiento había vencido</translation>
    </message>
    <message>
      <source>whose consent was revoked</source>
      <translation>cuyo consentimiento fue revocado</translation>
    </message>
    <message>
      <source>whose consent is signed after the day of the export</source>
      <translation>cuyo consentimiento se firmó después del día de la exportación</translation>
    </message>
    <message>
      <source>{label}: a whole number from {low} to {high}</source>
      <translation>{label}: un número entero de {low} a {high}</translation>
    </message>
    <message>
      <source>{label}: a date (YYYY-MM-DD) from {first} on</source>
      <translation>{label}: una fecha (AAAA-MM-DD) a partir del {first}</translation>
    </message>
    <message>
      <source>{label}: a date (YYYY-MM-DD) from {first} to today</source>
      <translation>{label}: una fecha (AAAA-MM-DD) del {first} a hoy</translation>
    </message>
    <message>
      <source>Funder workbook</source>
      <translation>Libro para el financiador</translation>
    </message>
    <message>
      <source>The report's tables for the chosen period, small counts hidden, with a data dictionary: nothing in it identifies a client.</source>
      <translation>Las tablas del informe para el período elegido, con los recuentos pequeños ocultos y un diccionario de datos: nada en él identifica a un cliente.</translation>
    </message>
    <message>
      <source>Outcomes workbook (TOP / NOMs)</source>
      <translation>Libro de resultados (TOP / NOMs)</translation>
    </message>
    <message>
      <source>Change from intake to the latest follow-up in the chosen period, per measure: clients with both answers, the mean at each, the change and the shares improved, unchanged and worse, for all clients and by their own goal. Small counts hidden.</source>
      <translation>Cambio desde la admisión hasta el último seguimiento en el período elegido, por medida: clientes con ambas respuestas, la media en cada una, el cambio y las proporciones que mejoraron, no cambiaron y empeoraron, para todos los clientes y según su propio objetivo. Los recuentos pequeños se ocultan.</translation>
    </message>
    <message>
      <source>Monthly measures (CSV)</source>
      <translation>Medidas mensuales (CSV)</translation>
    </message>
    <message>
      <source>The month's aggregate measures as one CSV row each (caseload, follow-ups, status, harm, programme tallies by area), small counts hidden.</source>
      <translation>Las medidas agregadas del mes, una fila CSV cada una (casos atendidos, seguimientos, estado, daños, actividades del programa por zona); los recuentos pequeños se ocultan.</translation>
    </message>
    <message>
      <source>Disclosed to {whom} for {purpose} on {date} under the client's written consent.</source>
      <translation>Divulgado a {whom} para {purpose} el {date} con el consentimiento por escrito de la persona.</translation>
    </message>
    <message>
      <source>Disclosed to {whom} on {date} under the client's written consent.</source>
      <translation>Divulgado a {whom} el {date} con el consentimiento por escrito de la persona.</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>CSV file (*.csv)</source>
      <translation>Archivo CSV (*.csv)</translation>
    </message>
    <message>
      <source>Monthly report (PDF)</source>
      <translation>Informe mensual (PDF)</translation>
    </message>
    <message>
      <source>Caseload, follow-up rate, recovery and harm for the chosen month, with trends and the definitions behind every number.</source>
      <translation>Casos, tasa de seguimiento, recuperación y daño del mes elegido, con tendencias y las definiciones detrás de cada número.</translation>
    </message>
    <message>
      <source>Funder workbook with de-identified rows</source>
      <translation>Libro para el financiador con filas desidentificadas</translation>
    </message>
    <message>
      <source>The same, plus one row per client the tables count: a random id, years instead of dates, no names or places below the state. The rows reveal every count the tables hide: handle the file as row-level data.</source>
      <translation>Lo mismo, más una fila por cada cliente que cuentan las tablas: un id aleatorio, años en lugar de fechas, sin nombres ni lugares por debajo del estado. Las filas revelan todos los recuentos que las tablas ocultan: trate el archivo como datos a nivel de fila.</translation>
    </message>
    <message>
      <source>Call list of the day (PDF)</source>
      <translation>Lista de llamadas del día (PDF)</translation>
    </message>
    <message>
      <source>The follow-ups due or just missed on the chosen day, to print and call from: code, name, phone (only with consent to contact), point, window close and attempts, with a column to write each call's result in. It names clients.</source>
      <translation>Los seguimientos pendientes o recién perdidos del día elegido, para imprimir y llamar: código, nombre, teléfono (solo con consentimiento de contacto), punto, cierre de la ventana e intentos, con una columna para anotar el resultado de cada llamada. Nombra a clientes.</translation>
    </message>
    <message>
      <source>Full export (identified workbook)</source>
      <translation>Exportación completa (libro identificado)</translation>
    </message>
    <message>
      <source>Every record of every client whose consent covers the recipient below today, in the exchange workbook with the 42 CFR part 2 notice; it names clients, so keep it safe. Each export is listed on the clients' pages.</source>
      <translation>Todos los registros de cada cliente cuyo consentimiento cubre hoy al destinatario indicado abajo, en el libro de intercambio con el aviso de 42 CFR parte 2; nombra a clientes, así que guárdelo con cuidado. Cada exportación queda anotada en las páginas de los clientes.</translation>
    </message>
    <message>
      <source>Import a workbook</source>
      <translation>Importar un libro</translation>
    </message>
    <message>
      <source>Load a filled-in exchange workbook: every row is checked, and it is loaded whole or not at all.</source>
      <translation>Cargar un libro de intercambio rellenado: se comprueba cada fila, y se carga entero o nada.</translation>
    </message>
    <message>
      <source>Empty import template</source>
      <translation>Plantilla de importación vacía</translation>
    </message>
    <message>
      <source>A blank exchange workbook with drop-down lists, to fill in Excel and import.</source>
      <translation>Un libro de intercambio en blanco con listas desplegables, para rellenar en Excel e importar.</translation>
    </message>
    <message>
      <source>The period of the Summary, or a trend month-end.</source>
      <translation>El periodo del Resumen, o un fin de mes de la tendencia.</translation>
    </message>
    <message>
      <source>The table the figure is printed in.</source>
      <translation>La tabla en la que se imprime la cifra.</translation>
    </message>
    <message>
      <source>The row of that table.</source>
      <translation>La fila de esa tabla.</translation>
    </message>
    <message>
      <source>The column of that table.</source>
      <translation>La columna de esa tabla.</translation>
    </message>
    <message>
      <source>The figure as a number (a percentage as a fraction); empty when suppressed or when there is nothing to compute.</source>
      <translation>La cifra como número (un porcentaje como fracción); vacía cuando se oculta o cuando no hay nada que calcular.</translation>
    </message>
    <message>
      <source>count, percent, mean, index or ratio.</source>
      <translation>recuento, porcentaje, media, índice o razón.</translation>
    </message>
    <message>
      <source>yes: hidden by the small-numbers rule.</source>
      <translation>sí: oculta por la regla de números pequeños.</translation>
    </message>
    <message>
      <source>Clients: de-identified (HIPAA Safe Harbor), one row per client the Summary counts (served in the period, a follow-up window closed in it, a known status at its end, or counted in harm), with columns saying which. Every count of the Summary can be worked out from these rows, the ones it hides too: the suppression of the Summary is moot, and this file must be handled as row-level data.</source>
      <translation>Clients: desidentificados (HIPAA Safe Harbor), una fila por cliente que cuenta el Summary (atendido en el período, con una ventana de seguimiento cerrada en él, con un estado conocido al final o contado en daños), con columnas que dicen cuál. Todos los recuentos del Summary pueden calcularse a partir de estas filas, también los que oculta: la supresión del Summary no protege nada y este archivo debe tratarse como datos por cliente.</translation>
    </message>
    <message>
      <source>{start} to {end}</source>
      <translation>del {start} al {end}</translation>
    </message>
    <message>
      <source>(continued)</source>
      <translation>(continuación)</translation>
    </message>
    <message>
      <source>Counts from 1 to {n} show as {marker}; a few larger counts that a total would give away, and percentages and means resting on a hidden count, show as {protected}.</source>
      <translation>Los recuentos de 1 a {n} aparecen como {marker}; algunos recuentos mayores que un total revelaría, y los porcentajes y medias que dependen de un recuento oculto, aparecen como {protected}.</translation>
    </message>
    <message>
      <source>The area recorded on encounters (for known deaths, the postal code on the client's record). Areas with fewer people than the suppression threshold, or with nothing but deaths, are pooled as Other areas.</source>
      <translation>La zona registrada en los encuentros (para las muertes conocidas, el código postal del registro del cliente). Las zonas con menos personas que el umbral de ocultación, o solo con muertes, se agrupan como Otras zonas.</translation>
    </message>
    <message>
      <source>The month-end the row describes (the last row: the end of the period).</source>
      <translation>El fin de mes que describe la fila (la última fila: el final del período).</translation>
    </message>
    <message>
      <source>{agency}: summary for {start} to {end}</source>
      <translation>{agency}: resumen del {start} al {end}</translation>
    </message>
    <message>
      <source>A count; {small} for a count from 1 to {n}, {hidden} for a larger one hidden to protect it.</source>
      <translation>Un recuento; {small} para un recuento de 1 a {n}, {hidden} para uno mayor oculto para protegerlo.</translation>
    </message>
    <message>
      <source>A percentage, stored as a fraction; {hidden} where it rests on a hidden count.</source>
      <translation>Un porcentaje, guardado como fracción; {hidden} si depende de un recuento oculto.</translation>
    </message>
    <message>
      <source>A mean; {hidden} where it rests on a hidden count.</source>
      <translation>Una media; {hidden} si depende de un recuento oculto.</translation>
    </message>
    <message>
      <source>The mean harm index, 0-100; {hidden} where it rests on a hidden count.</source>
      <translation>El índice medio de daño, 0-100; {hidden} si depende de un recuento oculto.</translation>
    </message>
    <message>
      <source>Syringes returned per syringe given; {hidden} where it rests on a hidden count.</source>
      <translation>Jeringas devueltas por jeringa entregada; {hidden} si depende de un recuento oculto.</translation>
    </message>
    <message>
      <source>Agency</source>
      <translation>Agencia</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Período</translation>
    </message>
    <message>
      <source>Status read on</source>
      <translation>Estado leído el</translation>
    </message>
    <message>
      <source>Harm period</source>
      <translation>Período de daños</translation>
    </message>
    <message>
      <source>Generated at (UTC)</source>
      <translation>Generado el (UTC)</translation>
    </message>
    <message>
      <source>Suppression threshold</source>
      <translation>Umbral de supresión</translation>
    </message>
    <message>
      <source>Row-level sheet</source>
      <translation>Hoja por cliente</translation>
    </message>
    <message>
      <source>Made by</source>
      <translation>Hecho con</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>Zona</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>Mes</translation>
    </message>
    <message>
      <source>not included</source>
      <translation>no incluida</translation>
    </message>
    <message>
      <source>Definition: {heading}</source>
      <translation>Definición: {heading}</translation>
    </message>
    <message>
      <source>Revisions</source>
      <translation>Revisiones</translation>
    </message>
    <message>
      <source>Recovery status of clients with a known status</source>
      <translation>Estado de recuperación de los clientes con estado conocido</translation>
    </message>
    <message>
      <source>Follow-up rate (%) of the windows that closed in each month</source>
      <translation>Tasa de seguimiento (%) de las ventanas cerradas en cada mes</translation>
    </message>
    <message>
      <source>Target {target} %</source>
      <translation>Meta {target} %</translation>
    </message>
    <message>
      <source>Harm among assessed clients, 12 months ending at each month-end</source>
      <translation>Daños entre los clientes evaluados, 12 meses hasta cada fin de mes</translation>
    </message>
    <message>
      <source>Mean harm index (0-100), 12 months ending at each month-end</source>
      <translation>Índice medio de daño (0-100), 12 meses hasta cada fin de mes</translation>
    </message>
    <message>
      <source>Follow-up rate</source>
      <translation>Tasa de seguimiento</translation>
    </message>
    <message>
      <source>{measure} (scale 0-100, axis fitted to the values)</source>
      <translation>{measure} (escala 0-100, eje ajustado a los valores)</translation>
    </message>
    <message>
      <source>Internal — contains small counts</source>
      <translation>Interno — contiene recuentos pequeños</translation>
    </message>
    <message>
      <source>Period {start} to {end}. Status is read on {end}; harm covers {harm_start} to {end}.</source>
      <translation>Período del {start} al {end}. El estado se lee el {end}; los daños abarcan del {harm_start} al {end}.</translation>
    </message>
    <message>
      <source>The 12 month-ends from {first} to {last}. Hidden values are not drawn.</source>
      <translation>Los 12 fines de mes de {first} a {last}. Los valores ocultos no se dibujan.</translation>
    </message>
    <message>
      <source>Monthly report · {month}</source>
      <translation>Informe mensual · {month}</translation>
    </message>
    <message>
      <source>{mark}: exact counts, for use inside the agency only. Do not share this report.</source>
      <translation>{mark}: recuentos exactos, solo para uso dentro de la agencia. No comparta este informe.</translation>
    </message>
    <message>
      <source>Counts from 1 to {n} print as {marker}; a few larger counts that a total would give away, and percentages or means resting on a hidden count, print as {protected} (Definitions, Small numbers).</source>
      <translation>Los recuentos de 1 a {n} se imprimen como {marker}; algunos recuentos mayores que un total revelaría, y los porcentajes o medias que dependen de un recuento oculto, se imprimen como {protected} (Definiciones, Números pequeños).</translation>
    </message>
    <message>
      <source>{number}. Definitions</source>
      <translation>{number}. Definiciones</translation>
    </message>
    <message>
      <source>6. Trends</source>
      <translation>6. Tendencias</translation>
    </message>
    <message>
      <source>Generated {day} {time} UTC</source>
      <translation>Generado el {day}, {time} UTC</translation>
    </message>
    <message>
      <source>Progress summary</source>
      <translation>Resumen de progreso</translation>
    </message>
    <message>
      <source>Recovery is possible, and every step counts. This page shows where things stand, the progress since the intake, the milestones already reached and the next ones.</source>
      <translation>La recuperación es posible, y cada paso cuenta. Esta página muestra la situación actual, el progreso desde la admisión, los logros ya alcanzados y los próximos.</translation>
    </message>
    <message>
      <source>A date ahead is the day a milestone is reached if no new difficulties are recorded until then; the interview on or after that day confirms it.</source>
      <translation>Una fecha futura es el día en que se alcanza un logro si hasta entonces no se registran nuevas dificultades; la entrevista de ese día o posterior lo confirma.</translation>
    </message>
    <message>
      <source>Goal: {goal}</source>
      <translation>Objetivo: {goal}</translation>
    </message>
    <message>
      <source>not told yet</source>
      <translation>todavía no indicado</translation>
    </message>
    <message>
      <source>Where things stand</source>
      <translation>Situación actual</translation>
    </message>
    <message>
      <source>Progress since the intake of {date}</source>
      <translation>Progreso desde la admisión del {date}</translation>
    </message>
    <message>
      <source>Own ratings, from 0 (poor) to 20 (very good)</source>
      <translation>Valoraciones propias, de 0 (mala) a 20 (muy buena)</translation>
    </message>
    <message>
      <source>Recovery capital (BARC-10), from 10 to 60</source>
      <translation>Capital de recuperación (BARC-10), de 10 a 60</translation>
    </message>
    <message>
      <source>Milestones reached</source>
      <translation>Logros alcanzados</translation>
    </message>
    <message>
      <source>The first milestones are ahead.</source>
      <translation>Los primeros logros están por llegar.</translation>
    </message>
    <message>
      <source>What comes next</source>
      <translation>Qué viene después</translation>
    </message>
    <message>
      <source>a withheld number of</source>
      <translation>un número reservado de</translation>
    </message>
    <message>
      <source> pts</source>
      <translation> pts</translation>
    </message>
    <message>
      <source>fewer than {n}</source>
      <translation>menos de {n}</translation>
    </message>
    <message>
      <source> (change from the month before: {change})</source>
      <translation> (cambio respecto al mes anterior: {change})</translation>
    </message>
    <message>
      <source>{remission} people were in full remission at the month's end{since}, and {recovery} people in full recovery — the outcome we hope for with every person we serve. Partial remission and less use count as progress too.</source>
      <translation>{remission} personas estaban en remisión completa al final del mes{since}, y {recovery} personas en recuperación completa — el resultado que esperamos para cada persona que atendemos. La remisión parcial y el menor consumo también cuentan como progreso.</translation>
    </message>
    <message>
      <source>Overdoses reversed with naloxone handed out by the programme: {reversed}. Each one is a life that can still recover.</source>
      <translation>Sobredosis revertidas con naloxona entregada por el programa: {reversed}. Cada una es una vida que todavía puede recuperarse.</translation>
    </message>
    <message>
      <source>No follow-up rate can be printed for this month.</source>
      <translation>No se puede imprimir una tasa de seguimiento para este mes.</translation>
    </message>
    <message>
      <source>We reached {rate} of the people whose follow-up window closed, against our {target} % target: following people up is how we learn what changed for them.</source>
      <translation>Contactamos al {rate} de las personas cuya ventana de seguimiento se cerró, frente a nuestra meta del {target} %: hacer el seguimiento es cómo sabemos qué cambió para ellas.</translation>
    </message>
    <message>
      <source>Revision: 1 record of {month} was corrected after its report.</source>
      <translation>Revisión: 1 registro de {month} se corrigió después de su informe.</translation>
    </message>
    <message>
      <source>Revision: {n} records of {month} were corrected after its report.</source>
      <translation>Revisión: {n} registros de {month} se corrigieron después de su informe.</translation>
    </message>
    <message>
      <source>Revision: 1 record of {month} was corrected after the month was closed; its closed report stands as printed.</source>
      <translation>Revisión: 1 registro de {month} se corrigió después del cierre del mes; su informe cerrado queda como se imprimió.</translation>
    </message>
    <message>
      <source>Revision: {n} records of {month} were corrected after the month was closed; its closed report stands as printed.</source>
      <translation>Revisión: {n} registros de {month} se corrigieron después del cierre del mes; su informe cerrado queda como se imprimió.</translation>
    </message>
    <message>
      <source>Record an intake before a follow-up or discharge</source>
      <translation>Registre una admisión antes de un seguimiento o un alta</translation>
    </message>
    <message>
      <source>The episode was closed by a discharge on {date}; record a new intake</source>
      <translation>El episodio se cerró con un alta el {date}; registre una nueva admisión</translation>
    </message>
    <message>
      <source>The episode opened on {date} has no completed interview; record a discharge before this intake</source>
      <translation>El episodio abierto el {date} no tiene ninguna entrevista completada; registre un alta antes de esta admisión</translation>
    </message>
    <message>
      <source>Working towards remission from {substance}: criteria were last present on {last}</source>
      <translation>Avanzando hacia la remisión del consumo de {substance}: los criterios estuvieron presentes por última vez el {last}</translation>
    </message>
    <message>
      <source>No substance use disorder found for {substance} (interview of {assessed})</source>
      <translation>No se encontró un trastorno por consumo de {substance} (entrevista del {assessed})</translation>
    </message>
    <message>
      <source>Not assessed since {since}: the status for {substance} is not known</source>
      <translation>Sin evaluar desde el {since}: no se conoce la situación respecto a {substance}</translation>
    </message>
    <message>
      <source>Died on {date}</source>
      <translation>Falleció el {date}</translation>
    </message>
    <message>
      <source>1 month</source>
      <translation>1 mes</translation>
    </message>
    <message>
      <source>{months} months</source>
      <translation>{months} meses</translation>
    </message>
    <message>
      <source>{years} years</source>
      <translation>{years} años</translation>
    </message>
    <message>
      <source>{milestone} — to confirm at the next interview</source>
      <translation>{milestone} — por confirmar en la próxima entrevista</translation>
    </message>
    <message>
      <source>Full recovery on {date} if {conditions}</source>
      <translation>Recuperación completa el {date} si {conditions}</translation>
    </message>
    <message>
      <source>Full recovery when {conditions}</source>
      <translation>Recuperación completa cuando {conditions}</translation>
    </message>
    <message>
      <source>there are no criteria but craving until then</source>
      <translation>hasta entonces no haya criterios salvo el deseo intenso</translation>
    </message>
    <message>
      <source>quality of life is back to its intake level of {level} (or the BARC-10 score reaches {barc})</source>
      <translation>la calidad de vida vuelva a su nivel de la admisión, {level} (o la puntuación BARC-10 llegue a {barc})</translation>
    </message>
    <message>
      <source>the BARC-10 score reaches {barc}</source>
      <translation>la puntuación BARC-10 llegue a {barc}</translation>
    </message>
    <message>
      <source>there is no offending and no arrest in the {days} days before an interview</source>
      <translation>no haya delitos ni detenciones en los {days} días anteriores a una entrevista</translation>
    </message>
    <message>
      <source>the client lives outside a controlled environment</source>
      <translation>la persona viva fuera de un entorno controlado</translation>
    </message>
    <message>
      <source>A follow-up is due, to know where things stand now</source>
      <translation>Corresponde un seguimiento, para saber cómo están las cosas ahora</translation>
    </message>
    <message>
      <source>No interview is planned after the discharge of {date}, so no milestone ahead is listed. Full recovery stays the hope: if the client returns, a re-entry intake starts the path again</source>
      <translation>No hay ninguna entrevista prevista después del alta del {date}, así que no se indica ningún próximo logro. La recuperación completa sigue siendo la esperanza: si el cliente vuelve, una admisión de reingreso retoma el camino</translation>
    </message>
    <message>
      <source>Next interview by {date}, to keep the status up to date</source>
      <translation>Próxima entrevista antes del {date}, para mantener la situación al día</translation>
    </message>
    <message>
      <source>No completed interview yet: the intake is the next step</source>
      <translation>Todavía no hay ninguna entrevista completada: el siguiente paso es la admisión</translation>
    </message>
    <message>
      <source>{measure} up from {before} at intake to {now}</source>
      <translation>{measure}: sube de {before} en la admisión a {now}</translation>
    </message>
    <message>
      <source>{measure} steady at {now} since intake</source>
      <translation>{measure}: se mantiene en {now} desde la admisión</translation>
    </message>
    <message>
      <source>{measure} at {now} now, {before} at intake</source>
      <translation>{measure}: {now} ahora, {before} en la admisión</translation>
    </message>
    <message>
      <source>No BARC-10 recorded yet: it can be asked at the next follow-up</source>
      <translation>Todavía no se ha registrado el BARC-10: se puede preguntar en el próximo seguimiento</translation>
    </message>
    <message>
      <source>No ratings recorded yet: they are asked at the next interview</source>
      <translation>Todavía no hay valoraciones registradas: se preguntan en la próxima entrevista</translation>
    </message>
    <message>
      <source>The chart starts with the first completed intake.</source>
      <translation>El gráfico empieza con la primera admisión completada.</translation>
    </message>
    <message>
      <source>alcohol</source>
      <translation>alcohol</translation>
    </message>
    <message>
      <source>opioids</source>
      <translation>opioides</translation>
    </message>
    <message>
      <source>stimulants</source>
      <translation>estimulantes</translation>
    </message>
    <message>
      <source>cannabis</source>
      <translation>cannabis</translation>
    </message>
    <message>
      <source>sedatives</source>
      <translation>sedantes</translation>
    </message>
    <message>
      <source>hallucinogens</source>
      <translation>alucinógenos</translation>
    </message>
    <message>
      <source>inhalants</source>
      <translation>inhalantes</translation>
    </message>
    <message>
      <source>tobacco</source>
      <translation>tabaco</translation>
    </message>
    <message>
      <source>other substances</source>
      <translation>otras sustancias</translation>
    </message>
    <message>
      <source>In early remission from {substance} since {since}: no criteria but craving for {duration}{specifiers}</source>
      <translation>En remisión temprana del consumo de {substance} desde el {since}: ningún criterio salvo el deseo intenso durante {duration}{specifiers}</translation>
    </message>
    <message>
      <source>In sustained remission from {substance} since {since}: no criteria but craving for {duration}{specifiers}</source>
      <translation>En remisión sostenida del consumo de {substance} desde el {since}: ningún criterio salvo el deseo intenso durante {duration}{specifiers}</translation>
    </message>
    <message>
      <source>In early partial remission from {substance} since {since}: below the disorder threshold, the last criterion on {last}{specifiers}</source>
      <translation>En remisión parcial temprana del consumo de {substance} desde el {since}: por debajo del umbral del trastorno, el último criterio el {last}{specifiers}</translation>
    </message>
    <message>
      <source>In sustained partial remission from {substance} since {since}: below the disorder threshold, the last criterion on {last}{specifiers}</source>
      <translation>En remisión parcial sostenida del consumo de {substance} desde el {since}: por debajo del umbral del trastorno, el último criterio el {last}{specifiers}</translation>
    </message>
    <message>
      <source>, while in a controlled environment</source>
      <translation>, mientras está en un entorno controlado</translation>
    </message>
    <message>
      <source>, with maintenance medication</source>
      <translation>, con medicación de mantenimiento</translation>
    </message>
    <message>
      <source>, while in a controlled environment, with maintenance medication</source>
      <translation>, mientras está en un entorno controlado, con medicación de mantenimiento</translation>
    </message>
    <message>
      <source>Early partial remission from {substance} on {date}</source>
      <translation>Remisión parcial temprana del consumo de {substance} el {date}</translation>
    </message>
    <message>
      <source>Early remission from {substance} on {date}: {months} months with no criteria but craving</source>
      <translation>Remisión temprana del consumo de {substance} el {date}: {months} meses sin criterios salvo el deseo intenso</translation>
    </message>
    <message>
      <source>Sustained partial remission from {substance} on {date}</source>
      <translation>Remisión parcial sostenida del consumo de {substance} el {date}</translation>
    </message>
    <message>
      <source>Sustained remission from {substance} on {date}: {months} months with no criteria but craving</source>
      <translation>Remisión sostenida del consumo de {substance} el {date}: {months} meses sin criterios salvo el deseo intenso</translation>
    </message>
    <message>
      <source>Early sobriety on {date}: {months} month without use</source>
      <translation>Sobriedad temprana el {date}: {months} mes sin consumo</translation>
    </message>
    <message>
      <source>Sobriety becomes sustained on {date}: {months} months without use</source>
      <translation>La sobriedad pasa a ser sostenida el {date}: {months} meses sin consumo</translation>
    </message>
    <message>
      <source>Sobriety becomes stable on {date}: {months} months without use</source>
      <translation>La sobriedad pasa a ser estable el {date}: {months} meses sin consumo</translation>
    </message>
    <message>
      <source>Full recovery becomes sustained on {date}</source>
      <translation>La recuperación completa pasa a ser sostenida el {date}</translation>
    </message>
    <message>
      <source>Full recovery becomes stable on {date}</source>
      <translation>La recuperación completa pasa a ser estable el {date}</translation>
    </message>
    <message>
      <source>Early partial remission from {substance}, on {date}</source>
      <translation>Remisión parcial temprana del consumo de {substance}, el {date}</translation>
    </message>
    <message>
      <source>Early remission from {substance}, on {date}</source>
      <translation>Remisión temprana del consumo de {substance}, el {date}</translation>
    </message>
    <message>
      <source>Sustained partial remission from {substance}, on {date}</source>
      <translation>Remisión parcial sostenida del consumo de {substance}, el {date}</translation>
    </message>
    <message>
      <source>Sustained remission from {substance}, on {date}</source>
      <translation>Remisión sostenida del consumo de {substance}, el {date}</translation>
    </message>
    <message>
      <source>Early sobriety, on {date}</source>
      <translation>Sobriedad temprana, el {date}</translation>
    </message>
    <message>
      <source>Sustained sobriety, on {date}</source>
      <translation>Sobriedad sostenida, el {date}</translation>
    </message>
    <message>
      <source>Stable sobriety, on {date}</source>
      <translation>Sobriedad estable, el {date}</translation>
    </message>
    <message>
      <source>Full recovery, confirmed at the interview of {date}</source>
      <translation>Recuperación completa, confirmada en la entrevista del {date}</translation>
    </message>
    <message>
      <source>Partial recovery, confirmed at the interview of {date}</source>
      <translation>Recuperación parcial, confirmada en la entrevista del {date}</translation>
    </message>
    <message>
      <source>Recovery capital (BARC-10)</source>
      <translation>Capital de recuperación (BARC-10)</translation>
    </message>
    <message>
      <source>{first}, {rest}</source>
      <translation>{first}, {rest}</translation>
    </message>
    <message>
      <source>{first} and {last}</source>
      <translation>{first} y {last}</translation>
    </message>
    <message>
      <source>no diagnosis</source>
      <translation>sin diagnóstico</translation>
    </message>
    <message>
      <source>active</source>
      <translation>activo</translation>
    </message>
    <message>
      <source>early remission</source>
      <translation>remisión temprana</translation>
    </message>
    <message>
      <source>sustained remission</source>
      <translation>remisión sostenida</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>desconocido</translation>
    </message>
    <message>
      <source>deceased</source>
      <translation>fallecido</translation>
    </message>
    <message>
      <source>mild</source>
      <translation>leve</translation>
    </message>
    <message>
      <source>moderate</source>
      <translation>moderado</translation>
    </message>
    <message>
      <source>severe</source>
      <translation>grave</translation>
    </message>
    <message>
      <source>full</source>
      <translation>total</translation>
    </message>
    <message>
      <source>partial</source>
      <translation>parcial</translation>
    </message>
    <message>
      <source>, in a controlled environment</source>
      <translation>, en un entorno controlado</translation>
    </message>
    <message>
      <source>, on maintenance therapy</source>
      <translation>, en terapia de mantenimiento</translation>
    </message>
    <message>
      <source>, in a controlled environment, on maintenance therapy</source>
      <translation>, en un entorno controlado, en terapia de mantenimiento</translation>
    </message>
    <message>
      <source>{status}, {remission}{specifiers}</source>
      <translation>{status}, {remission}{specifiers}</translation>
    </message>
    <message>
      <source>{head}, since {since}: criteria below the disorder threshold for {months} months, the last one on {last} (assessment of {assessed})</source>
      <translation>{head}, desde el {since}: criterios por debajo del umbral del trastorno durante {months} meses, el último el {last} (evaluación del {assessed})</translation>
    </message>
    <message>
      <source>in {status}, {remission}{specifiers}</source>
      <translation>en {status}, {remission}{specifiers}</translation>
    </message>
    <message>
      <source>{severity}, {status}</source>
      <translation>{severity}, {status}</translation>
    </message>
    <message>
      <source>{head}, since {since}: no criterion but craving for {months} months (assessment of {assessed})</source>
      <translation>{head}, desde el {since}: ningún criterio salvo el deseo intenso de consumo (craving) durante {months} meses (evaluación del {assessed})</translation>
    </message>
    <message>
      <source>deceased on {date}: left out of status and recovery counts</source>
      <translation>fallecido el {date}: excluido de los recuentos de estado y de recuperación</translation>
    </message>
    <message>
      <source>unknown: the last completed assessment, on {assessed}, is more than {days} days before the as-of date</source>
      <translation>desconocido: la última evaluación completada, del {assessed}, es de más de {days} días antes de la fecha de referencia</translation>
    </message>
    <message>
      <source>no diagnosis: never {criteria} or more criteria within {months} months up to the assessment of {assessed}</source>
      <translation>sin diagnóstico: nunca {criteria} o más criterios en {months} meses hasta la evaluación del {assessed}</translation>
    </message>
    <message>
      <source>active, {severity}: full criteria were last met with criteria up to {met}, less than {months} months before the assessment of {assessed}</source>
      <translation>activo, {severity}: los criterios completos se cumplieron por última vez con criterios hasta el {met}, menos de {months} meses antes de la evaluación del {assessed}</translation>
    </message>
    <message>
      <source>unknown: no completed assessment on or before the as-of date</source>
      <translation>desconocido: ninguna evaluación completada en la fecha de referencia o antes</translation>
    </message>
    <message>
      <source>People served</source>
      <translation>Personas atendidas</translation>
    </message>
    <message>
      <source>In full remission: no criterion but craving for 3 months or more</source>
      <translation>En remisión completa: ningún criterio salvo el deseo intenso durante 3 meses o más</translation>
    </message>
    <message>
      <source>In partial remission: fewer criteria, never the disorder again</source>
      <translation>En remisión parcial: menos criterios, sin volver al trastorno</translation>
    </message>
    <message>
      <source>In full recovery: remission, health and citizenship</source>
      <translation>En recuperación completa: remisión, salud y ciudadanía</translation>
    </message>
    <message>
      <source>Overdoses reversed with naloxone</source>
      <translation>Sobredosis revertidas con naloxona</translation>
    </message>
    <message>
      <source>Naloxone kits handed out</source>
      <translation>Kits de naloxona entregados</translation>
    </message>
    <message>
      <source>Sterile syringes handed out</source>
      <translation>Jeringas estériles entregadas</translation>
    </message>
    <message>
      <source>Drug-checking test strips handed out</source>
      <translation>Tiras de análisis de drogas entregadas</translation>
    </message>
    <message>
      <source>At a glance</source>
      <translation>De un vistazo</translation>
    </message>
    <message>
      <source>This month</source>
      <translation>Este mes</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>Cambio</translation>
    </message>
    <message>
      <source>Follow-up rate: windows that closed in the month and were met, against the {target} % target. Changes in the rate are percentage points.</source>
      <translation>Tasa de seguimiento: ventanas cerradas en el mes y cumplidas, frente a la meta del {target} %. Los cambios de la tasa son puntos porcentuales.</translation>
    </message>
    <message>
      <source>The first page compares the month with the month before and with the same month a year before. People served, overdoses reversed and supplies handed out are counted in each month as in sections 1 and 5 (all areas). Full and partial remission and full recovery are the clients with a known status at each month's last day, as in section 3 (full remission: early or sustained remission, full). The follow-up rate of each month is that of the windows whose last day fell in it, as in section 2. A change is this month's figure less the other month's; for the rate it is in percentage points. A change is withheld when either of its figures is hidden.</source>
      <translation>La primera página compara el mes con el mes anterior y con el mismo mes un año antes. Las personas atendidas, las sobredosis revertidas y los suministros entregados se cuentan en cada mes como en las secciones 1 y 5 (todas las zonas). La remisión completa y parcial y la recuperación completa son los clientes con estado conocido el último día de cada mes, como en la sección 3 (remisión completa: remisión temprana o sostenida, completa). La tasa de seguimiento de cada mes es la de las ventanas cuyo último día cayó en él, como en la sección 2. Un cambio es la cifra de este mes menos la del otro mes; para la tasa, en puntos porcentuales. Un cambio se reserva cuando cualquiera de sus cifras está oculta.</translation>
    </message>
    <message>
      <source>Outcome change: clients with a completed follow-up or discharge in the 12 months ending on the report date; their latest one is set beside the latest completed intake before it. A measure counts a client only when both assessments answer it. Days of the primary substance are those of the class marked primary at that intake; BARC-10 is the sum of its ten items; housing problem is the share of clients with one. Improved: fewer days used, injected or offending, a housing problem gone, or a higher rating, BARC-10 total or days worked; unchanged: the same answer; worse: the other way. The goal is the client's own at the latest assessment. Means are over the clients with both answers; the change is the mean at the latest less the mean at intake.</source>
      <translation>Cambio en los resultados: clientes con un seguimiento o alta completados en los 12 meses hasta la fecha del informe; el último se pone junto a la última admisión completada anterior. Una medida cuenta a un cliente solo cuando ambas evaluaciones la responden. Los días de la sustancia principal son los de la clase marcada como principal en esa admisión; BARC-10 es la suma de sus diez ítems; problema de vivienda es la proporción de clientes que lo tienen. Mejoró: menos días de consumo, de inyección o con delitos, un problema de vivienda resuelto, o una valoración, un total BARC-10 o días trabajados mayores; sin cambio: la misma respuesta; empeoró: al revés. El objetivo es el del propio cliente en la última evaluación. Las medias son sobre los clientes con ambas respuestas; el cambio es la media en la última menos la media en la admisión.</translation>
    </message>
    <message>
      <source>Demographics: the clients served in the period (section 1) by the answers on their client record as they stand when the report is made, and by their age on the period's last day in whole years (under 18, 18-24, 25-34, 35-44, 45-54, 55-64, 65 and over). Each table adds up to the clients served and is suppressed with them, as every table is.</source>
      <translation>Datos demográficos: los clientes atendidos en el período (sección 1) según las respuestas de su ficha tal como están al hacer el informe, y según su edad en años cumplidos el último día del período (menos de 18, 18-24, 25-34, 35-44, 45-54, 55-64, 65 o más). Cada tabla suma los clientes atendidos y se suprime con ellos, como todas las tablas.</translation>
    </message>
    <message>
      <source>Harm to self ({self_n} indicators), to others ({others_n}) and to the community ({community_n}): events dated in the 12 months ending on the report date, 28-day items from the latest completed assessment in that period. Index = 100 x (self/{self_n} + others/{others_n} + community/{community_n}) / 3, rounded to one decimal; a product choice, not a validated scale, printed beside the raw counts. The change from intake compares like with like: each interview's 28-day items and the events of equal look-backs, reaching back only as far as the agency's records of the client go.</source>
      <translation>Daño a sí mismo ({self_n} indicadores), a otros ({others_n}) y a la comunidad ({community_n}): eventos fechados en los 12 meses hasta la fecha del informe, ítems de 28 días de la última evaluación completada en ese período. Índice = 100 x (sí mismo/{self_n} + otros/{others_n} + comunidad/{community_n}) / 3, redondeado a un decimal; una elección del producto, no una escala validada, impresa junto a los recuentos brutos. El cambio desde la admisión compara lo comparable: los ítems de 28 días de cada entrevista y los eventos de periodos retrospectivos iguales, solo hasta donde llegan los registros de la agencia sobre el cliente.</translation>
    </message>
    <message>
      <source>Follow-ups are due {months} months after intake. Each window opens {window_opens_months_before} month before the due date and closes {window_closes_months_after} months after it, both days included; it is closing soon when its last day is at most {closing_soon_days} days away, and it has closed at the end of its last day. Follow-up rate: windows whose last day falls in the period with a completed assessment inside, over all windows whose last day falls in the period; target {followup_target_percent} %. A month's figures are therefore the same in its own report, in later reports' trends and in any file covering that month.</source>
      <translation>Los seguimientos vencen {months} meses después de la admisión. Cada ventana se abre {window_opens_months_before} mes antes de la fecha de vencimiento y se cierra {window_closes_months_after} meses después, ambos días incluidos; está por cerrarse cuando a su último día le quedan como mucho {closing_soon_days} días, y se ha cerrado al terminar su último día. Tasa de seguimiento: ventanas cuyo último día cae en el período con una evaluación completada dentro, sobre todas las ventanas cuyo último día cae en el período; meta {followup_target_percent} %. Por eso las cifras de un mes son las mismas en su propio informe, en las tendencias de informes posteriores y en cualquier archivo que cubra ese mes.</translation>
    </message>
    <message>
      <source>Counts from 1 to {n} print as {marker}; 0 prints. Where a total would let a hidden count be worked out, the smallest other count of that row or column is hidden too; it and any percentage or mean resting on a hidden count print as {protected_mark}.</source>
      <translation>Los recuentos de 1 a {n} se imprimen como {marker}; el 0 se imprime. Cuando un total permitiría calcular un recuento oculto, también se oculta el menor de los otros recuentos de esa fila o columna; ese recuento y cualquier porcentaje o media que dependa de un recuento oculto se imprimen como {protected_mark}.</translation>
    </message>
    <message>
      <source>Dates</source>
      <translation>Fechas</translation>
    </message>
    <message>
      <source>Diagnosis and severity</source>
      <translation>Diagnóstico y gravedad</translation>
    </message>
    <message>
      <source>Deceased</source>
      <translation>Fallecido</translation>
    </message>
    <message>
      <source>A client with a recorded death, or a deceased contact, on or before the report date is left out of status and recovery counts and still counted in harm. A death is dated by its first record, event or deceased contact, and counted once per client in every table.</source>
      <translation>Un cliente con una muerte registrada, o un contacto fallecido, en o antes de la fecha del informe queda fuera de los recuentos de estado y de recuperación y sigue contado en daños. Una muerte se fecha por su primer registro, evento o contacto fallecido, y se cuenta una vez por cliente en cada tabla.</translation>
    </message>
    <message>
      <source>Recovery (product choice)</source>
      <translation>Recuperación (elección del producto)</translation>
    </message>
    <message>
      <source>Harm (product choice)</source>
      <translation>Daños (elección del producto)</translation>
    </message>
    <message>
      <source>Summary page</source>
      <translation>Página de resumen</translation>
    </message>
    <message>
      <source>Outcome change</source>
      <translation>Cambio en los resultados</translation>
    </message>
    <message>
      <source>Demographics</source>
      <translation>Datos demográficos</translation>
    </message>
    <message>
      <source>Small numbers</source>
      <translation>Números pequeños</translation>
    </message>
    <message>
      <source>N months after a date is the same day N months later, moved back to the last day of a shorter month (2023-11-30 + 3 months = 2024-02-29). Status is read at the latest completed assessment on or before the report date; when that assessment is more than {unknown_after_days} days old, or there is none, the status is unknown. Clients of unknown status are still followed while their latest episode is open and the last follow-up window of its intake has not closed (a follow-up is due); otherwise (discharged, or past that window) the agency no longer follows them.</source>
      <translation>N meses después de una fecha es el mismo día N meses más tarde, retrasado al último día de un mes más corto (2023-11-30 + 3 meses = 2024-02-29). El estado se lee en la última evaluación completada en o antes de la fecha del informe; cuando esa evaluación tiene más de {unknown_after_days} días, o no hay ninguna, el estado es desconocido. Los clientes de estado desconocido se siguen mientras su último episodio esté abierto y la última ventana de seguimiento de su admisión no se haya cerrado (se debe un seguimiento); si no (dados de alta, o pasada esa ventana), la agencia ya no los sigue.</translation>
    </message>
    <message>
      <source>A disorder is present when at least {diagnosis_min_criteria} DSM-5 criteria were recorded within {diagnosis_window_months} months. Severity counts the criteria that last established it: {severity}. Tolerance and withdrawal are not counted while the client takes a medication prescribed for that substance as prescribed.</source>
      <translation>Hay trastorno cuando se registraron al menos {diagnosis_min_criteria} criterios del DSM-5 en {diagnosis_window_months} meses. La gravedad cuenta los criterios que lo establecieron por última vez: {severity}. La tolerancia y la abstinencia no se cuentan mientras el cliente toma según lo indicado un medicamento recetado para esa sustancia.</translation>
    </message>
    <message>
      <source>Full remission (DSM-5): no criterion but craving for at least {early_remission_months} months (early) or {sustained_remission_months} months (sustained). Partial remission (DSM-IV idea on DSM-5 windows, a product choice): some criteria, but the disorder threshold not met again for {early_remission_months} or {sustained_remission_months} months. A recurrence is meeting the disorder threshold again after a remission; a remission episode runs from the first remission to the next recurrence. Specifiers: in a controlled environment; on maintenance therapy (opioid or tobacco, full remission, medication taken as prescribed).</source>
      <translation>Remisión completa (DSM-5): ningún criterio salvo el deseo intenso durante al menos {early_remission_months} meses (temprana) o {sustained_remission_months} meses (sostenida). Remisión parcial (idea del DSM-IV con las ventanas del DSM-5, una elección del producto): algunos criterios, pero sin volver a alcanzar el umbral del trastorno durante {early_remission_months} o {sustained_remission_months} meses. Una recaída es volver a alcanzar el umbral del trastorno después de una remisión; un episodio de remisión va de la primera remisión a la siguiente recaída. Especificadores: en un entorno controlado; en terapia de mantenimiento (opioides o tabaco, remisión completa, medicamento tomado según lo indicado).</translation>
    </message>
    <message>
      <source>Time since last use of alcohol or a non-prescribed drug: early from {sobriety_early_months} month, sustained from {sobriety_sustained_months} months, stable from {sobriety_stable_months} months.</source>
      <translation>Tiempo desde el último consumo de alcohol o de una droga no recetada: temprana desde {sobriety_early_months} mes, sostenida desde {sobriety_sustained_months} meses, estable desde {sobriety_stable_months} meses.</translation>
    </message>
    <message>
      <source>Full recovery: full remission, quality of life at or above its value at the episode's intake or a BARC-10 total of at least {barc10_health_min}, no offending day in the 28 days before the assessment and no arrest in the {arrest_lookback_days} days up to it, and not in a controlled environment. Partial recovery: any remission, a lower severity band than at intake, or use days of the primary substance at least {use_reduction_percent} % below intake. Reported beside the DSM status, never merged into it, and broken down by the client's own goal.</source>
      <translation>Recuperación completa: remisión completa, calidad de vida igual o superior a su valor en la admisión del episodio o un total BARC-10 de al menos {barc10_health_min}, ningún día con delitos en los 28 días antes de la evaluación y ningún arresto en los {arrest_lookback_days} días hasta ella, y no estar en un entorno controlado. Recuperación parcial: cualquier remisión, una banda de gravedad menor que en la admisión, o días de consumo de la sustancia principal al menos un {use_reduction_percent} % por debajo de la admisión. Se informa junto al estado DSM, nunca mezclada con él, y desglosada por el objetivo del propio cliente.</translation>
    </message>
    <message>
      <source>For full recovery, time since a criterion other than craving was last met: early from {early_remission_months} months, sustained from {sustained_remission_months}, stable from {recovery_stable_months}; for partial recovery in remission, the remission's early or sustained.</source>
      <translation>Para la recuperación completa, tiempo desde la última vez que se cumplió un criterio distinto del deseo intenso: temprana desde {early_remission_months} meses, sostenida desde {sustained_remission_months}, estable desde {recovery_stable_months}; para la recuperación parcial en remisión, la temprana o sostenida de la remisión.</translation>
    </message>
    <message>
      <source>{low} or more {band}</source>
      <translation>{low} o más {band}</translation>
    </message>
    <message>
      <source>{low}-{high} {band}</source>
      <translation>{low}-{high} {band}</translation>
    </message>
    <message>
      <source>Not recorded</source>
      <translation>No registrado</translation>
    </message>
    <message>
      <source>Age band on the last day of the period</source>
      <translation>Grupo de edad el último día del período</translation>
    </message>
    <message>
      <source>Age band</source>
      <translation>Grupo de edad</translation>
    </message>
    <message>
      <source>Clients served</source>
      <translation>Clientes atendidos</translation>
    </message>
    <message>
      <source>Completed in the window</source>
      <translation>Completados en la ventana</translation>
    </message>
    <message>
      <source>Missed</source>
      <translation>No realizados</translation>
    </message>
    <message>
      <source>{month} {day}, {year}</source>
      <translation>{day} de {month} de {year}</translation>
    </message>
    <message>
      <source>{month} {year}</source>
      <translation>{month} de {year}</translation>
    </message>
    <message>
      <source>{short_month} {year}</source>
      <translation>{short_month} {year}</translation>
    </message>
    <message>
      <source>January</source>
      <translation>enero</translation>
    </message>
    <message>
      <source>February</source>
      <translation>febrero</translation>
    </message>
    <message>
      <source>March</source>
      <translation>marzo</translation>
    </message>
    <message>
      <source>April</source>
      <translation>abril</translation>
    </message>
    <message>
      <source>May</source>
      <translation>mayo</translation>
    </message>
    <message>
      <source>June</source>
      <translation>junio</translation>
    </message>
    <message>
      <source>July</source>
      <translation>julio</translation>
    </message>
    <message>
      <source>August</source>
      <translation>agosto</translation>
    </message>
    <message>
      <source>September</source>
      <translation>septiembre</translation>
    </message>
    <message>
      <source>October</source>
      <translation>octubre</translation>
    </message>
    <message>
      <source>November</source>
      <translation>noviembre</translation>
    </message>
    <message>
      <source>December</source>
      <translation>diciembre</translation>
    </message>
    <message>
      <source>Jan</source>
      <translation>ene</translation>
    </message>
    <message>
      <source>Feb</source>
      <translation>feb</translation>
    </message>
    <message>
      <source>Mar</source>
      <translation>mar</translation>
    </message>
    <message>
      <source>Apr</source>
      <translation>abr</translation>
    </message>
    <message>
      <source>Jun</source>
      <translation>jun</translation>
    </message>
    <message>
      <source>Jul</source>
      <translation>jul</translation>
    </message>
    <message>
      <source>Aug</source>
      <translation>ago</translation>
    </message>
    <message>
      <source>Sep</source>
      <translation>sept</translation>
    </message>
    <message>
      <source>Oct</source>
      <translation>oct</translation>
    </message>
    <message>
      <source>Nov</source>
      <translation>nov</translation>
    </message>
    <message>
      <source>Dec</source>
      <translation>dic</translation>
    </message>
    <message>
      <source>Returned per syringe given</source>
      <translation>Devueltas por jeringa entregada</translation>
    </message>
    <message>
      <source>Known deaths: clients with a death recorded in the period, by the postal code on their record.</source>
      <translation>Muertes conocidas: clientes con una muerte registrada en el período, por el código postal de su ficha.</translation>
    </message>
    <message>
      <source>Encounters</source>
      <translation>Contactos</translation>
    </message>
    <message>
      <source>Known deaths</source>
      <translation>Muertes conocidas</translation>
    </message>
    <message>
      <source>Caseload</source>
      <translation>Casos atendidos</translation>
    </message>
    <message>
      <source>Measure</source>
      <translation>Medida</translation>
    </message>
    <message>
      <source>Clients served (completed assessment or identified encounter)</source>
      <translation>Clientes atendidos (evaluación completada o contacto identificado)</translation>
    </message>
    <message>
      <source>Clients with only an event recorded (not counted as served)</source>
      <translation>Clientes con solo un evento registrado (no contados como atendidos)</translation>
    </message>
    <message>
      <source>New intakes (a first episode)</source>
      <translation>Nuevas admisiones (un primer episodio)</translation>
    </message>
    <message>
      <source>Re-entries (intake after a discharge or 90 days away)</source>
      <translation>Reingresos (admisión tras un alta o 90 días de ausencia)</translation>
    </message>
    <message>
      <source>Discharges</source>
      <translation>Altas</translation>
    </message>
    <message>
      <source>Harm-reduction encounters</source>
      <translation>Contactos de reducción de daños</translation>
    </message>
    <message>
      <source>Of which anonymous</source>
      <translation>De ellos, anónimos</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>Número</translation>
    </message>
    <message>
      <source>All areas</source>
      <translation>Todas las zonas</translation>
    </message>
    <message>
      <source>Programme tallies by area: contacts and supplies</source>
      <translation>Recuentos del programa por zona: contactos y suministros</translation>
    </message>
    <message>
      <source>Programme tallies by area: tests, referrals, deaths</source>
      <translation>Recuentos del programa por zona: pruebas, derivaciones, muertes</translation>
    </message>
    <message>
      <source>Programme tallies by area</source>
      <translation>Recuentos del programa por zona</translation>
    </message>
    <message>
      <source>Follow-up point</source>
      <translation>Punto de seguimiento</translation>
    </message>
    <message>
      <source>Overdue at the end of the period (window open, not yet done)</source>
      <translation>Atrasados al final del período (ventana abierta, aún sin hacer)</translation>
    </message>
    <message>
      <source>Follow-ups and the {target} % target</source>
      <translation>Seguimientos y la meta del {target} %</translation>
    </message>
    <message>
      <source>All points</source>
      <translation>Todos los puntos</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>sí</translation>
    </message>
    <message>
      <source>no</source>
      <translation>no</translation>
    </message>
    <message>
      <source>Target of {target} % met</source>
      <translation>Meta del {target} % cumplida</translation>
    </message>
    <message>
      <source>Due in the period (due date in it)</source>
      <translation>Vencen en el período (fecha de vencimiento en él)</translation>
    </message>
    <message>
      <source>Windows closed in the period</source>
      <translation>Ventanas cerradas en el período</translation>
    </message>
    <message>
      <source>{n} months</source>
      <translation>{n} meses</translation>
    </message>
    <message>
      <source>Death (clients; a death event or a deceased contact)</source>
      <translation>Muerte (clientes; un evento de muerte o un contacto fallecido)</translation>
    </message>
    <message>
      <source>Like with like: each side reads its interview's 28-day items and the events of equal look-backs, only as far back as the agency's records of the client go (for a client first met at intake, the interview items alone).</source>
      <translation>Lo comparable con lo comparable: cada lado lee los ítems de 28 días de su entrevista y los eventos de periodos retrospectivos iguales, solo hasta donde llegan los registros de la agencia sobre el cliente (para un cliente conocido en la admisión, solo los ítems de la entrevista).</translation>
    </message>
    <message>
      <source>Death</source>
      <translation>Muerte</translation>
    </message>
    <message>
      <source>Emergency visit or hospital stay</source>
      <translation>Visita a urgencias u hospitalización</translation>
    </message>
    <message>
      <source>Shared injecting equipment (28 days)</source>
      <translation>Material de inyección compartido (28 días)</translation>
    </message>
    <message>
      <source>New HIV or HCV diagnosis</source>
      <translation>Nuevo diagnóstico de VIH o VHC</translation>
    </message>
    <message>
      <source>Housing problem (28 days)</source>
      <translation>Problema de vivienda (28 días)</translation>
    </message>
    <message>
      <source>Child welfare report</source>
      <translation>Informe a protección de menores</translation>
    </message>
    <message>
      <source>Child removed</source>
      <translation>Retirada de un hijo</translation>
    </message>
    <message>
      <source>Family violence</source>
      <translation>Violencia familiar</translation>
    </message>
    <message>
      <source>Harm reported by family</source>
      <translation>Daño informado por la familia</translation>
    </message>
    <message>
      <source>Arrest</source>
      <translation>Arresto</translation>
    </message>
    <message>
      <source>Incarceration, or in jail at the assessment</source>
      <translation>Encarcelamiento, o en la cárcel en la evaluación</translation>
    </message>
    <message>
      <source>Offending (28 days)</source>
      <translation>Delitos (28 días)</translation>
    </message>
    <message>
      <source>Public order citation</source>
      <translation>Multa por orden público</translation>
    </message>
    <message>
      <source>Indicator</source>
      <translation>Indicador</translation>
    </message>
    <message>
      <source>Events recorded</source>
      <translation>Eventos registrados</translation>
    </message>
    <message>
      <source>Harm flags and the harm index among assessed clients</source>
      <translation>Indicadores de daño y el índice de daño entre los clientes evaluados</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>Nivel</translation>
    </message>
    <message>
      <source>Change from intake to the latest assessment (same clients)</source>
      <translation>Cambio desde la admisión hasta la última evaluación (mismos clientes)</translation>
    </message>
    <message>
      <source>Clients with an event, a death or a completed assessment</source>
      <translation>Clientes con un evento, una muerte o una evaluación completada</translation>
    </message>
    <message>
      <source>Of whom assessed (28-day items known)</source>
      <translation>De ellos, evaluados (ítems de 28 días conocidos)</translation>
    </message>
    <message>
      <source>Of whom with an intake and a later assessment (pairs)</source>
      <translation>De ellos, con una admisión y una evaluación posterior (pares)</translation>
    </message>
    <message>
      <source>Clients counted in harm</source>
      <translation>Clientes contados en daños</translation>
    </message>
    <message>
      <source>In the harm period</source>
      <translation>En el período de daños</translation>
    </message>
    <message>
      <source>{level}: clients flagged</source>
      <translation>{level}: clientes señalados</translation>
    </message>
    <message>
      <source>All clients counted</source>
      <translation>Todos los clientes contados</translation>
    </message>
    <message>
      <source>Assessed clients</source>
      <translation>Clientes evaluados</translation>
    </message>
    <message>
      <source>% of assessed</source>
      <translation>% de evaluados</translation>
    </message>
    <message>
      <source>Events</source>
      <translation>Eventos</translation>
    </message>
    <message>
      <source>Each event counted as many times as recorded (an event's count); a death counts the client once, on the first record of it.</source>
      <translation>Cada evento se cuenta tantas veces como se registró (el recuento del evento); una muerte cuenta al cliente una vez, en su primer registro.</translation>
    </message>
    <message>
      <source>Harm index (0-100)</source>
      <translation>Índice de daño (0-100)</translation>
    </message>
    <message>
      <source>Flags raised</source>
      <translation>Indicadores señalados</translation>
    </message>
    <message>
      <source>Mean per client</source>
      <translation>Media por cliente</translation>
    </message>
    <message>
      <source>Flags at intake</source>
      <translation>Indicadores en la admisión</translation>
    </message>
    <message>
      <source>Flags at latest</source>
      <translation>Indicadores en la última</translation>
    </message>
    <message>
      <source>Mean at intake</source>
      <translation>Media en la admisión</translation>
    </message>
    <message>
      <source>Mean at latest</source>
      <translation>Media en la última</translation>
    </message>
    <message>
      <source>Change in mean</source>
      <translation>Cambio de la media</translation>
    </message>
    <message>
      <source>Clients</source>
      <translation>Clientes</translation>
    </message>
    <message>
      <source>{level} (of {n} flags)</source>
      <translation>{level} (de {n} indicadores)</translation>
    </message>
    <message>
      <source>No diagnosis</source>
      <translation>Sin diagnóstico</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>Activo</translation>
    </message>
    <message>
      <source>Early remission, full</source>
      <translation>Remisión temprana, completa</translation>
    </message>
    <message>
      <source>Early remission, partial</source>
      <translation>Remisión temprana, parcial</translation>
    </message>
    <message>
      <source>Sustained remission, full</source>
      <translation>Remisión sostenida, completa</translation>
    </message>
    <message>
      <source>Sustained remission, partial</source>
      <translation>Remisión sostenida, parcial</translation>
    </message>
    <message>
      <source>Mild</source>
      <translation>Leve</translation>
    </message>
    <message>
      <source>Moderate</source>
      <translation>Moderado</translation>
    </message>
    <message>
      <source>Severe</source>
      <translation>Grave</translation>
    </message>
    <message>
      <source>Full recovery, early</source>
      <translation>Recuperación completa, temprana</translation>
    </message>
    <message>
      <source>Full recovery, sustained</source>
      <translation>Recuperación completa, sostenida</translation>
    </message>
    <message>
      <source>Full recovery, stable</source>
      <translation>Recuperación completa, estable</translation>
    </message>
    <message>
      <source>Partial recovery, in early remission</source>
      <translation>Recuperación parcial, en remisión temprana</translation>
    </message>
    <message>
      <source>Partial recovery, in sustained remission</source>
      <translation>Recuperación parcial, en remisión sostenida</translation>
    </message>
    <message>
      <source>Partial recovery, fewer criteria or less use</source>
      <translation>Recuperación parcial, menos criterios o menos consumo</translation>
    </message>
    <message>
      <source>No improvement</source>
      <translation>Sin mejora</translation>
    </message>
    <message>
      <source>Not applicable (no diagnosis)</source>
      <translation>No aplica (sin diagnóstico)</translation>
    </message>
    <message>
      <source>None (used in the past month)</source>
      <translation>Ninguna (consumo en el último mes)</translation>
    </message>
    <message>
      <source>Early (1 month or more)</source>
      <translation>Temprana (1 mes o más)</translation>
    </message>
    <message>
      <source>Sustained (12 months or more)</source>
      <translation>Sostenida (12 meses o más)</translation>
    </message>
    <message>
      <source>Stable (60 months or more)</source>
      <translation>Estable (60 meses o más)</translation>
    </message>
    <message>
      <source>Not known (last use not given)</source>
      <translation>Desconocida (último consumo no indicado)</translation>
    </message>
    <message>
      <source>No remission episode</source>
      <translation>Ningún episodio de remisión</translation>
    </message>
    <message>
      <source>1 episode</source>
      <translation>1 episodio</translation>
    </message>
    <message>
      <source>2 episodes</source>
      <translation>2 episodios</translation>
    </message>
    <message>
      <source>3 or more episodes</source>
      <translation>3 o más episodios</translation>
    </message>
    <message>
      <source>No recurrence</source>
      <translation>Ninguna recaída</translation>
    </message>
    <message>
      <source>1 recurrence</source>
      <translation>1 recaída</translation>
    </message>
    <message>
      <source>2 or more</source>
      <translation>2 o más</translation>
    </message>
    <message>
      <source>Clients counted</source>
      <translation>Clientes contados</translation>
    </message>
    <message>
      <source>Status on the report date</source>
      <translation>Estado en la fecha del informe</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>Total</translation>
    </message>
    <message>
      <source>DSM status of the primary substance, by the client's goal</source>
      <translation>Estado DSM de la sustancia principal, según el objetivo del cliente</translation>
    </message>
    <message>
      <source>Not rated</source>
      <translation>Sin calificar</translation>
    </message>
    <message>
      <source>DSM status by severity (clients with a diagnosis)</source>
      <translation>Estado DSM según la gravedad (clientes con diagnóstico)</translation>
    </message>
    <message>
      <source>Remission specifiers</source>
      <translation>Especificadores de remisión</translation>
    </message>
    <message>
      <source>Recovery status and time frame, by the client's goal</source>
      <translation>Estado de recuperación y plazo, según el objetivo del cliente</translation>
    </message>
    <message>
      <source>Recovery status</source>
      <translation>Estado de recuperación</translation>
    </message>
    <message>
      <source>Sobriety (time since last use), by the client's goal</source>
      <translation>Sobriedad (tiempo desde el último consumo), según el objetivo del cliente</translation>
    </message>
    <message>
      <source>Mean recovery attempts (earlier attempts + remission episodes)</source>
      <translation>Media de intentos de recuperación (intentos anteriores + episodios de remisión)</translation>
    </message>
    <message>
      <source>Serial recovery: remission episodes and recurrences</source>
      <translation>Recuperación en serie: episodios de remisión y recaídas</translation>
    </message>
    <message>
      <source>Self-identified recovery beside the computed status</source>
      <translation>Recuperación autoidentificada junto al estado calculado</translation>
    </message>
    <message>
      <source>Computed recovery</source>
      <translation>Recuperación calculada</translation>
    </message>
    <message>
      <source>Full recovery</source>
      <translation>Recuperación completa</translation>
    </message>
    <message>
      <source>Partial recovery</source>
      <translation>Recuperación parcial</translation>
    </message>
    <message>
      <source>Not applicable</source>
      <translation>No aplica</translation>
    </message>
    <message>
      <source>Known status (in the tables below)</source>
      <translation>Estado conocido (en las tablas siguientes)</translation>
    </message>
    <message>
      <source>No longer followed: discharged, or past the last follow-up window</source>
      <translation>Ya sin seguimiento: dados de alta, o pasada la última ventana de seguimiento</translation>
    </message>
    <message>
      <source>Deceased (left out of status and recovery)</source>
      <translation>Fallecidos (fuera del estado y de la recuperación)</translation>
    </message>
    <message>
      <source>Clients in each remission who carry the specifier; one client may carry both.</source>
      <translation>Clientes de cada remisión con el especificador; un cliente puede tener ambos.</translation>
    </message>
    <message>
      <source>Columns: the client's answer to "Do you see yourself as in recovery?" at the latest assessment.</source>
      <translation>Columnas: la respuesta del cliente a "¿Se considera en recuperación?" en la última evaluación.</translation>
    </message>
    <message>
      <source>Status unknown, still followed: not assessed in {days} days, a follow-up is due</source>
      <translation>Estado desconocido, aún en seguimiento: sin evaluar en {days} días, se debe un seguimiento</translation>
    </message>
    <message>
      <source>Known status</source>
      <translation>Estado conocido</translation>
    </message>
    <message>
      <source>Windows closed</source>
      <translation>Ventanas cerradas</translation>
    </message>
    <message>
      <source>Completed</source>
      <translation>Completados</translation>
    </message>
    <message>
      <source>Any harm to self</source>
      <translation>Algún daño a sí mismo</translation>
    </message>
    <message>
      <source>Any harm to others</source>
      <translation>Algún daño a otros</translation>
    </message>
    <message>
      <source>Any harm to the community</source>
      <translation>Algún daño a la comunidad</translation>
    </message>
    <message>
      <source>Clients assessed</source>
      <translation>Clientes evaluados</translation>
    </message>
    <message>
      <source>Mean harm index</source>
      <translation>Índice medio de daño</translation>
    </message>
    <message>
      <source>Recovery status at each month-end</source>
      <translation>Estado de recuperación en cada fin de mes</translation>
    </message>
    <message>
      <source>Follow-up windows that closed in each month</source>
      <translation>Ventanas de seguimiento cerradas en cada mes</translation>
    </message>
    <message>
      <source>Harm in the 12 months ending at each month-end</source>
      <translation>Daños en los 12 meses hasta cada fin de mes</translation>
    </message>
    <message>
      <source>Percentages: assessed clients with at least one flag at the level.</source>
      <translation>Porcentajes: clientes evaluados con al menos un indicador en el nivel.</translation>
    </message>
    <message>
      <source>Change from intake to the latest follow-up</source>
      <translation>Cambio desde la admisión hasta el último seguimiento</translation>
    </message>
    <message>
      <source>All goals</source>
      <translation>Todos los objetivos</translation>
    </message>
    <message>
      <source>Clients with both answers, by their own goal</source>
      <translation>Clientes con ambas respuestas, según su propio objetivo</translation>
    </message>
    <message>
      <source>Share improved, by the client's own goal</source>
      <translation>Proporción que mejoró, según el objetivo del propio cliente</translation>
    </message>
    <message>
      <source>Clients with both</source>
      <translation>Clientes con ambas</translation>
    </message>
    <message>
      <source>Improved</source>
      <translation>Mejoró</translation>
    </message>
    <message>
      <source>Unchanged</source>
      <translation>Sin cambio</translation>
    </message>
    <message>
      <source>Worse</source>
      <translation>Empeoró</translation>
    </message>
    <message>
      <source>Improved: fewer days of use, injecting or offending, no housing problem where there was one, or a higher rating, recovery capital or days worked.</source>
      <translation>Mejoró: menos días de consumo, de inyección o con delitos, sin problema de vivienda donde lo había, o una valoración, un capital de recuperación o días trabajados mayores.</translation>
    </message>
    <message>
      <source>A reduction goal met is progress: less use counts as improved whatever the goal.</source>
      <translation>Cumplir un objetivo de reducción es progreso: consumir menos cuenta como mejora sea cual sea el objetivo.</translation>
    </message>
    <message>
      <source>Referrals by type</source>
      <translation>Derivaciones por tipo</translation>
    </message>
    <message>
      <source>Type not recorded: referrals of encounters saved before the type of a referral was asked; their number is known, their type is not and is never guessed.</source>
      <translation>Tipo no registrado: derivaciones de contactos guardados antes de que se preguntara el tipo de derivación; se conoce su número, no su tipo, que nunca se supone.</translation>
    </message>
    <message>
      <source>Referrals made at the encounters of the period, by type and month.</source>
      <translation>Derivaciones realizadas en los contactos del periodo, por tipo y mes.</translation>
    </message>
    <message>
      <source>Type not recorded</source>
      <translation>Tipo no registrado</translation>
    </message>
    <message>
      <source>1. Caseload</source>
      <translation>1. Casos atendidos</translation>
    </message>
    <message>
      <source>Clients and contacts in the period.</source>
      <translation>Clientes y contactos del período.</translation>
    </message>
    <message>
      <source>2. Follow-ups</source>
      <translation>2. Seguimientos</translation>
    </message>
    <message>
      <source>Follow-up points of every intake, and the windows that closed in the period.</source>
      <translation>Puntos de seguimiento de cada admisión y las ventanas cerradas en el período.</translation>
    </message>
    <message>
      <source>3. Recovery</source>
      <translation>3. Recuperación</translation>
    </message>
    <message>
      <source>4. Harm</source>
      <translation>4. Daños</translation>
    </message>
    <message>
      <source>5. Community</source>
      <translation>5. Comunidad</translation>
    </message>
    <message>
      <source>Programme tallies of the encounters in the period, by area.</source>
      <translation>Recuentos del programa de los contactos del período, por zona.</translation>
    </message>
    <message>
      <source>The clients served in the period (section 1), as recorded on their record.</source>
      <translation>Los clientes atendidos en el período (sección 1), según lo registrado en su ficha.</translation>
    </message>
    <message>
      <source>Status of the primary substance on {day}, for clients with a known status.</source>
      <translation>Estado de la sustancia principal el {day}, para los clientes con estado conocido.</translation>
    </message>
    <message>
      <source>The 12 months ending on {day}: flags at three levels, raw counts beside every mean.</source>
      <translation>Los 12 meses hasta el {day}: indicadores en tres niveles, recuentos brutos junto a cada media.</translation>
    </message>
    <message>
      <source>Clients with a completed follow-up or discharge from {start} to {end}: their latest one beside the intake before it, for each measure both answered.</source>
      <translation>Clientes con un seguimiento o alta completados del {start} al {end}: el último junto a la admisión anterior, para cada medida que ambos respondieron.</translation>
    </message>
    <message>
      <source>not entered</source>
      <translation>no introducido</translation>
    </message>
    <message>
      <source>Stewardship of resources</source>
      <translation>Administración de los recursos</translation>
    </message>
    <message>
      <source>What the programme handed out in the period and what it cost the agency, at the unit costs entered in Settings; syringes returned; referrals.</source>
      <translation>Lo que el programa entregó en el periodo y lo que costó a la agencia, a los costes unitarios introducidos en Configuración; jeringas devueltas; derivaciones.</translation>
    </message>
    <message>
      <source>Referrals by type and month follow in the next table.</source>
      <translation>Las derivaciones por tipo y mes figuran en la tabla siguiente.</translation>
    </message>
    <message>
      <source>Stewardship</source>
      <translation>Administración de los recursos</translation>
    </message>
    <message>
      <source>Syringes</source>
      <translation>Jeringas</translation>
    </message>
    <message>
      <source>Handed out: the tallies of the encounters dated in the period (section 5, all areas): naloxone kits, syringes given, test strips, HIV and HCV tests. Cost: number handed out times the unit cost the agency entered in Settings, exact to the cent; a supply without a unit cost prints as not entered and is left out of the totals. Cost per client served: the cost divided by the clients served of section 1, to the nearest cent; supplies given at anonymous encounters are in the cost but their participants are not clients served. Returned per syringe given: syringes returned divided by syringes given in the same period (a dash when none were given); returns may be of syringes given earlier, so it can exceed 1. Supply counts are suppressed like counts of people (a small tally points at the few people who took it), and a cost is withheld with the count it rests on. Referrals by type: the referrals of the encounters of each calendar month, by the type staff recorded (substance use treatment, medication for opioid use disorder included; mental health; medical: primary care, HIV or hepatitis C care, wound care; housing; other social services: benefits, legal help, food, identity documents; other). Type not recorded: referrals of encounters saved before the type was asked, counted in the total, never given a type. Each count is suppressed like a count of people; the total of the period is the referrals of section 5.</source>
      <translation>Entregados: los recuentos de los contactos fechados en el periodo (sección 5, todas las zonas): kits de naloxona, jeringas entregadas, tiras reactivas, pruebas de VIH y de VHC. Coste: número entregado por el coste unitario que la agencia introdujo en Configuración, exacto al céntimo; un suministro sin coste unitario se imprime como no introducido y queda fuera de los totales. Coste por cliente atendido: el coste dividido entre los clientes atendidos de la sección 1, al céntimo más cercano; los suministros entregados en contactos anónimos están en el coste, pero sus participantes no son clientes atendidos. Devueltas por jeringa entregada: jeringas devueltas divididas entre jeringas entregadas en el mismo periodo (un guion si no se entregó ninguna); las devoluciones pueden ser de jeringas entregadas antes, por lo que puede superar 1. Los recuentos de suministros se suprimen como los recuentos de personas (un recuento pequeño señala a las pocas personas que los recibieron), y un coste se retiene con el recuento en que se basa. Derivaciones por tipo: las derivaciones de los contactos de cada mes natural, por el tipo que registró el personal (tratamiento por consumo de sustancias, incluida la medicación para el trastorno por consumo de opioides; salud mental; médica: atención primaria, atención del VIH o de la hepatitis C, cura de heridas; vivienda; otros servicios sociales: prestaciones, ayuda legal, alimentos, documentos de identidad; otro). Tipo no registrado: derivaciones de contactos guardados antes de que se preguntara el tipo, contadas en el total, sin que se les asigne nunca un tipo. Cada recuento se suprime como un recuento de personas; el total del periodo son las derivaciones de la sección 5.</translation>
    </message>
    <message>
      <source>Supplies handed out and their cost</source>
      <translation>Suministros entregados y su coste</translation>
    </message>
    <message>
      <source>Supply</source>
      <translation>Suministro</translation>
    </message>
    <message>
      <source>Cost of supplies by area</source>
      <translation>Coste de los suministros por zona</translation>
    </message>
    <message>
      <source>Syringe return and referrals</source>
      <translation>Devolución de jeringas y derivaciones</translation>
    </message>
    <message>
      <source>No unit cost is entered yet: an administrator enters them in Settings. No cost is printed as 0.</source>
      <translation>Aún no se ha introducido ningún coste unitario: un administrador los introduce en Configuración. Ningún coste se imprime como 0.</translation>
    </message>
    <message>
      <source>All supplies with a unit cost</source>
      <translation>Todos los suministros con coste unitario</translation>
    </message>
    <message>
      <source>Handed out</source>
      <translation>Entregados</translation>
    </message>
    <message>
      <source>Unit cost</source>
      <translation>Coste unitario</translation>
    </message>
    <message>
      <source>Cost</source>
      <translation>Coste</translation>
    </message>
    <message>
      <source>Cost per client served</source>
      <translation>Coste por cliente atendido</translation>
    </message>
    <message>
      <source>Total cost</source>
      <translation>Coste total</translation>
    </message>
    <message>
      <source>No unit cost entered in Settings for: {supplies}.</source>
      <translation>No se ha introducido coste unitario en Configuración para: {supplies}.</translation>
    </message>
    <message>
      <source>Referrals made</source>
      <translation>Derivaciones realizadas</translation>
    </message>
    <message>
      <source>Referrals per client served</source>
      <translation>Derivaciones por cliente atendido</translation>
    </message>
    <message>
      <source>Female</source>
      <translation>Femenino</translation>
    </message>
    <message>
      <source>Male</source>
      <translation>Masculino</translation>
    </message>
    <message>
      <source>Intersex</source>
      <translation>Intersexual</translation>
    </message>
    <message>
      <source>Unknown</source>
      <translation>Desconocido</translation>
    </message>
    <message>
      <source>Declined</source>
      <translation>No responde</translation>
    </message>
    <message>
      <source>Woman</source>
      <translation>Mujer</translation>
    </message>
    <message>
      <source>Man</source>
      <translation>Hombre</translation>
    </message>
    <message>
      <source>Asian</source>
      <translation>Asiático</translation>
    </message>
    <message>
      <source>White</source>
      <translation>Blanco</translation>
    </message>
    <message>
      <source>Intake</source>
      <translation>Admisión</translation>
    </message>
    <message>
      <source>Discharge</source>
      <translation>Alta</translation>
    </message>
    <message>
      <source>Not located</source>
      <translation>No localizado</translation>
    </message>
    <message>
      <source>Refused</source>
      <translation>Rechazó</translation>
    </message>
    <message>
      <source>Incarcerated</source>
      <translation>Encarcelado</translation>
    </message>
    <message>
      <source>Methadone</source>
      <translation>Metadona</translation>
    </message>
    <message>
      <source>Buprenorphine</source>
      <translation>Buprenorfina</translation>
    </message>
    <message>
      <source>Naltrexone</source>
      <translation>Naltrexona</translation>
    </message>
    <message>
      <source>Residential</source>
      <translation>Residencial</translation>
    </message>
    <message>
      <source>Hospital</source>
      <translation>Hospital</translation>
    </message>
    <message>
      <source>Abstinence</source>
      <translation>Abstinencia</translation>
    </message>
    <message>
      <source>Reduction</source>
      <translation>Reducción</translation>
    </message>
    <message>
      <source>Undecided</source>
      <translation>Indeciso</translation>
    </message>
    <message>
      <source>Alcohol</source>
      <translation>Alcohol</translation>
    </message>
    <message>
      <source>Opioid</source>
      <translation>Opioides</translation>
    </message>
    <message>
      <source>Stimulant</source>
      <translation>Estimulantes</translation>
    </message>
    <message>
      <source>Cannabis</source>
      <translation>Cannabis</translation>
    </message>
    <message>
      <source>Sedative</source>
      <translation>Sedantes</translation>
    </message>
    <message>
      <source>Hallucinogen</source>
      <translation>Alucinógenos</translation>
    </message>
    <message>
      <source>Inhalant</source>
      <translation>Inhalantes</translation>
    </message>
    <message>
      <source>Tobacco</source>
      <translation>Tabaco</translation>
    </message>
    <message>
      <source>Incarceration start</source>
      <translation>Inicio de encarcelamiento</translation>
    </message>
    <message>
      <source>Incarceration end</source>
      <translation>Fin de encarcelamiento</translation>
    </message>
    <message>
      <source>Child removal</source>
      <translation>Retirada de menores</translation>
    </message>
    <message>
      <source>Family reported harm</source>
      <translation>Daño informado por la familia</translation>
    </message>
    <message>
      <source>Letter</source>
      <translation>Carta</translation>
    </message>
    <message>
      <source>Outreach</source>
      <translation>Alcance comunitario</translation>
    </message>
    <message>
      <source>Reached</source>
      <translation>Localizado</translation>
    </message>
    <message>
      <source>Left message</source>
      <translation>Dejó mensaje</translation>
    </message>
    <message>
      <source>Wrong number</source>
      <translation>Número equivocado</translation>
    </message>
    <message>
      <source>Scheduled</source>
      <translation>Programado</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>Responsable</translation>
    </message>
    <message>
      <source>Admin</source>
      <translation>Administrador</translation>
    </message>
  </context>
  <context>
    <name>AssessmentFormView</name>
    <message>
      <source>Use</source>
      <translation>Consumo</translation>
    </message>
    <message>
      <source>The past 28 days</source>
      <translation>Los últimos 28 días</translation>
    </message>
    <message>
      <source>Health, the client's own rating (0 poor – 20 good)</source>
      <translation>Salud, valoración del propio cliente (0 mala – 20 buena)</translation>
    </message>
    <message>
      <source>Medication and setting</source>
      <translation>Medicación y entorno</translation>
    </message>
    <message>
      <source>BARC-10 (optional: answer all ten items or none)</source>
      <translation>BARC-10 (opcional: responda los diez ítems o ninguno)</translation>
    </message>
    <message>
      <source>Goals</source>
      <translation>Objetivos</translation>
    </message>
    <message>
      <source>Intake</source>
      <translation>Admisión</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>Seguimiento</translation>
    </message>
    <message>
      <source>Discharge</source>
      <translation>Alta</translation>
    </message>
    <message>
      <source>Interview</source>
      <translation>Entrevista</translation>
    </message>
    <message>
      <source>A death is recorded as contact “Deceased”: Contact is set to it, and saving asks you to confirm that the client leaves every follow-up list.</source>
      <translation>Un fallecimiento se registra como contacto «Fallecido»: Contacto se fija en ese valor y al guardar se le pide confirmar que el cliente sale de toda lista de seguimiento.</translation>
    </message>
    <message>
      <source>Saving the assessment</source>
      <translation>Guardando la evaluación</translation>
    </message>
    <message>
      <source>Correct the %1</source>
      <translation>Corregir: %1</translation>
    </message>
    <message>
      <source>Saving the intake</source>
      <translation>Guardando la admisión</translation>
    </message>
    <message>
      <source>Saving the follow-up</source>
      <translation>Guardando el seguimiento</translation>
    </message>
    <message>
      <source>Saving the discharge</source>
      <translation>Guardando el alta</translation>
    </message>
  </context>
  <context>
    <name>ClientPageView</name>
    <message>
      <source>Substance</source>
      <translation>Sustancia</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Estado</translation>
    </message>
    <message>
      <source>Sobriety</source>
      <translation>Sobriedad</translation>
    </message>
    <message>
      <source>Recovery</source>
      <translation>Recuperación</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>Por qué</translation>
    </message>
    <message>
      <source>Clinical details</source>
      <translation>Detalles clínicos</translation>
    </message>
    <message>
      <source>The status in clinical terms (DSM-5 remission, sobriety, recovery)</source>
      <translation>La situación en términos clínicos (remisión DSM-5, sobriedad, recuperación)</translation>
    </message>
    <message>
      <source>Next milestones</source>
      <translation>Próximos logros</translation>
    </message>
    <message>
      <source>and %1 more</source>
      <translation>y %1 más</translation>
    </message>
    <message>
      <source>Milestones reached</source>
      <translation>Logros alcanzados</translation>
    </message>
    <message>
      <source>and %1 earlier</source>
      <translation>y %1 anteriores</translation>
    </message>
    <message>
      <source>Status on %1</source>
      <translation>Estado al %1</translation>
    </message>
    <message>
      <source>Why, for %1: %2</source>
      <translation>Por qué, para %1: %2</translation>
    </message>
    <message>
      <source>Follow-up points</source>
      <translation>Puntos de seguimiento</translation>
    </message>
    <message>
      <source>Intake</source>
      <translation>Admisión</translation>
    </message>
    <message>
      <source>Point</source>
      <translation>Punto</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Pendiente</translation>
    </message>
    <message>
      <source>Window</source>
      <translation>Ventana</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Estado</translation>
    </message>
    <message>
      <source>Earlier episodes</source>
      <translation>Episodios anteriores</translation>
    </message>
    <message>
      <source>Follow-ups are scheduled from a completed intake.</source>
      <translation>Los seguimientos se programan a partir de una admisión completada.</translation>
    </message>
    <message>
      <source>No episode yet: an intake opens one.</source>
      <translation>Todavía no hay ningún episodio: una admisión abre uno.</translation>
    </message>
    <message>
      <source>A new intake opens a new episode.</source>
      <translation>Una nueva admisión abre un nuevo episodio.</translation>
    </message>
    <message>
      <source>Earlier episodes (%1)</source>
      <translation>Episodios anteriores (%1)</translation>
    </message>
    <message>
      <source>In the current episode since the intake of %1</source>
      <translation>En el episodio actual desde la admisión del %1</translation>
    </message>
    <message>
      <source>Discharged on %1.</source>
      <translation>Alta el %1.</translation>
    </message>
    <message>
      <source>Discharged on %1: %2.</source>
      <translation>Alta el %1: %2.</translation>
    </message>
  </context>
  <context>
    <name>client_text</name>
    <message>
      <source>Event</source>
      <translation>Suceso</translation>
    </message>
    <message>
      <source>Contact attempt</source>
      <translation>Intento de contacto</translation>
    </message>
    <message>
      <source>early</source>
      <translation>temprana</translation>
    </message>
    <message>
      <source>sustained</source>
      <translation>sostenida</translation>
    </message>
    <message>
      <source>stable</source>
      <translation>estable</translation>
    </message>
    <message>
      <source>none</source>
      <translation>ninguna</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>desconocido</translation>
    </message>
    <message>
      <source>full</source>
      <translation>total</translation>
    </message>
    <message>
      <source>partial</source>
      <translation>parcial</translation>
    </message>
    <message>
      <source>no improvement</source>
      <translation>sin mejora</translation>
    </message>
    <message>
      <source>not applicable</source>
      <translation>no corresponde</translation>
    </message>
    <message>
      <source>upcoming</source>
      <translation>próximo</translation>
    </message>
    <message>
      <source>open now</source>
      <translation>abierto ahora</translation>
    </message>
    <message>
      <source>closing soon</source>
      <translation>cierra pronto</translation>
    </message>
    <message>
      <source>done</source>
      <translation>hecho</translation>
    </message>
    <message>
      <source>missed</source>
      <translation>perdido</translation>
    </message>
    <message>
      <source>No consent to disclose in force</source>
      <translation>Ningún consentimiento de divulgación vigente</translation>
    </message>
    <message>
      <source>Encounter</source>
      <translation>Encuentro</translation>
    </message>
    <message>
      <source>May be contacted</source>
      <translation>Se le puede contactar</translation>
    </message>
    <message>
      <source>No consent to contact</source>
      <translation>Sin consentimiento de contacto</translation>
    </message>
    <message>
      <source>Consent in force: %1</source>
      <translation>Consentimiento vigente: %1</translation>
    </message>
    <message>
      <source>VOIDED (%1)</source>
      <translation>ANULADO (%1)</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>sí</translation>
    </message>
    <message>
      <source>no</source>
      <translation>no</translation>
    </message>
    <message>
      <source>(primary)</source>
      <translation>(principal)</translation>
    </message>
    <message>
      <source>No reason recorded</source>
      <translation>Sin motivo registrado</translation>
    </message>
    <message>
      <source>Reason: %1</source>
      <translation>Motivo: %1</translation>
    </message>
    <message>
      <source>(called %1)</source>
      <translation>(llamado %1)</translation>
    </message>
    <message>
      <source>Phone %1</source>
      <translation>Teléfono %1</translation>
    </message>
    <message>
      <source>Postal code %1</source>
      <translation>Código postal %1</translation>
    </message>
    <message>
      <source>1 criterion</source>
      <translation>1 criterio</translation>
    </message>
    <message>
      <source>%1 criteria</source>
      <translation>%1 criterios</translation>
    </message>
    <message>
      <source>%1-month follow-up of the intake of %2</source>
      <translation>Seguimiento a %1 meses de la admisión del %2</translation>
    </message>
    <message>
      <source>Born %1 (age %2)</source>
      <translation>Nacido el %1 (edad %2)</translation>
    </message>
    <message>
      <source>%1 months</source>
      <translation>%1 meses</translation>
    </message>
    <message>
      <source>primary</source>
      <translation>principal</translation>
    </message>
  </context>
  <context>
    <name>consent_forms</name>
    <message>
      <source>The signed consent form</source>
      <translation>El formulario de consentimiento firmado</translation>
    </message>
    <message>
      <source>Revocation</source>
      <translation>Revocación</translation>
    </message>
    <message>
      <source>Record consent</source>
      <translation>Registrar consentimiento</translation>
    </message>
    <message>
      <source>Revoke consent</source>
      <translation>Revocar consentimiento</translation>
    </message>
    <message>
      <source>The consent “%1”, signed on %2, covers nothing from the day below on.</source>
      <translation>El consentimiento «%1», firmado el %2, no cubre nada desde el día indicado abajo.</translation>
    </message>
  </context>
  <context>
    <name>dialogs</name>
    <message>
      <source>Cancel</source>
      <translation>Cancelar</translation>
    </message>
    <message>
      <source>Please wait</source>
      <translation>Espere, por favor</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>Sí</translation>
    </message>
    <message>
      <source>No</source>
      <translation>No</translation>
    </message>
  </context>
  <context>
    <name>language_choice</name>
    <message>
      <source>the computer's language</source>
      <translation>el idioma de la computadora</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Idioma</translation>
    </message>
    <message>
      <source>The language of your screens. Recovery Desk shows it from its next start.</source>
      <translation>El idioma de sus pantallas. Recovery Desk lo muestra desde su próximo inicio.</translation>
    </message>
    <message>
      <source>Language saved: %1. Recovery Desk shows it from its next start.</source>
      <translation>Idioma guardado: %1. Recovery Desk lo muestra desde su próximo inicio.</translation>
    </message>
    <message>
      <source>Language saved: %1.</source>
      <translation>Idioma guardado: %1.</translation>
    </message>
  </context>
  <context>
    <name>ProgressSummary</name>
    <message>
      <source>Save the progress summary</source>
      <translation>Guardar el resumen de progreso</translation>
    </message>
    <message>
      <source>Progress summary</source>
      <translation>Resumen de progreso</translation>
    </message>
    <message>
      <source>Language of the summary:</source>
      <translation>Idioma del resumen:</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Progress summary not saved</source>
      <translation>No se guardó el resumen de progreso</translation>
    </message>
  </context>
  <context>
    <name>record_actions</name>
    <message>
      <source>Erase this client</source>
      <translation>Borrar a este cliente</translation>
    </message>
    <message>
      <source>Void this record</source>
      <translation>Anular este registro</translation>
    </message>
    <message>
      <source>The record keeps its row and its reason, and leaves every status, report, export and list. Why is it voided?</source>
      <translation>El registro conserva su fila y su motivo, y sale de todo estado, informe, exportación y lista. ¿Por qué se anula?</translation>
    </message>
    <message>
      <source>Note (optional):</source>
      <translation>Nota (opcional):</translation>
    </message>
    <message>
      <source>Changed on another workstation</source>
      <translation>Cambiado en otro puesto de trabajo</translation>
    </message>
    <message>
      <source>Not allowed</source>
      <translation>No permitido</translation>
    </message>
    <message>
      <source>Not changed</source>
      <translation>Sin cambios</translation>
    </message>
    <message>
      <source>Erasing deletes client %1 and everything recorded about them.
It cannot be undone. The erasure's audit row keeps the code and the
reason, not the name.

The legal ground for the erasure:</source>
      <translation>Borrar elimina al cliente %1 y todo lo registrado sobre él.
No se puede deshacer. La fila de auditoría del borrado conserva el código
y el motivo, no el nombre.

El fundamento legal del borrado:</translation>
    </message>
    <message>
      <source>Type the client's code (%1) again to erase:</source>
      <translation>Escriba de nuevo el código del cliente (%1) para borrarlo:</translation>
    </message>
    <message>
      <source>Not erased</source>
      <translation>No borrado</translation>
    </message>
  </context>
  <context>
    <name>record_guards</name>
    <message>
      <source>Please confirm</source>
      <translation>Confirme, por favor</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Guardar</translation>
    </message>
    <message>
      <source>Go back</source>
      <translation>Volver</translation>
    </message>
    <message>
      <source>Moves everything recorded for %1 to %2; %1 disappears from every list.</source>
      <translation>Pasa todo lo registrado de %1 a %2; %1 desaparece de todas las listas.</translation>
    </message>
    <message>
      <source>Discharges %1 on %2: the episode closes; its follow-up interviews stay due.</source>
      <translation>Da de alta a %1 el %2: el episodio se cierra; sus entrevistas de seguimiento siguen pendientes.</translation>
    </message>
    <message>
      <source>Marks %1 as deceased on %2: %3 every follow-up list.</source>
      <translation>Registra el fallecimiento de %1 el %2: %3 todas las listas de seguimiento.</translation>
    </message>
  </context>
  <context>
    <name>record_view</name>
    <message>
      <source>Who entered it and when were not recorded</source>
      <translation>No se registró quién lo introdujo ni cuándo</translation>
    </message>
    <message>
      <source>History of changes</source>
      <translation>Historial de cambios</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>Sí</translation>
    </message>
    <message>
      <source>No</source>
      <translation>No</translation>
    </message>
    <message>
      <source>None: the record is as it was entered.</source>
      <translation>Ninguno: el registro está como se introdujo.</translation>
    </message>
    <message>
      <source>Entered on %1; who entered it was not recorded</source>
      <translation>Introducido el %1; no se registró quién lo introdujo</translation>
    </message>
    <message>
      <source>Entered by %1; when was not recorded</source>
      <translation>Introducido por %1; no se registró cuándo</translation>
    </message>
    <message>
      <source>Substances</source>
      <translation>Sustancias</translation>
    </message>
    <message>
      <source>Substance %1</source>
      <translation>Sustancia %1</translation>
    </message>
    <message>
      <source>Entered by %1 on %2</source>
      <translation>Introducido por %1 el %2</translation>
    </message>
    <message>
      <source>VOIDED on %1 by %2: %3</source>
      <translation>ANULADO el %1 por %2: %3</translation>
    </message>
  </context>
  <context>
    <name>referral_row</name>
    <message>
      <source>Referrals made, by type</source>
      <translation>Derivaciones realizadas, por tipo</translation>
    </message>
    <message>
      <source>Total: {n} (type not recorded)</source>
      <translation>Total: {n} (tipo no registrado)</translation>
    </message>
    <message>
      <source>Total: {n}</source>
      <translation>Total: {n}</translation>
    </message>
  </context>
  <context>
    <name>small_forms</name>
    <message>
      <source>Saving the event</source>
      <translation>Guardando el suceso</translation>
    </message>
    <message>
      <source>Saving the encounter</source>
      <translation>Guardando el encuentro</translation>
    </message>
    <message>
      <source>Saving the contact attempt</source>
      <translation>Guardando el intento de contacto</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Suceso</translation>
    </message>
    <message>
      <source>Correct the event</source>
      <translation>Corregir el evento</translation>
    </message>
    <message>
      <source>What happened</source>
      <translation>Qué ocurrió</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Quién</translation>
    </message>
    <message>
      <source>&amp;Client</source>
      <translation>&amp;Cliente</translation>
    </message>
    <message>
      <source>When and where</source>
      <translation>Cuándo y dónde</translation>
    </message>
    <message>
      <source>Given, done or reported</source>
      <translation>Entregado, hecho o informado</translation>
    </message>
    <message>
      <source>Log a contact attempt</source>
      <translation>Anotar un intento de contacto</translation>
    </message>
    <message>
      <source>Attempt</source>
      <translation>Intento</translation>
    </message>
    <message>
      <source>Quick encounter</source>
      <translation>Encuentro rápido</translation>
    </message>
    <message>
      <source>Correct the encounter</source>
      <translation>Corregir el encuentro</translation>
    </message>
    <message>
      <source>Choose the client from the list, or clear the box for an anonymous encounter</source>
      <translation>Elija al cliente de la lista, o vacíe la casilla para un encuentro anónimo</translation>
    </message>
    <message>
      <source>Correct the contact attempt</source>
      <translation>Corregir el intento de contacto</translation>
    </message>
    <message>
      <source>Choose a follow-up in the list first</source>
      <translation>Elija primero un seguimiento de la lista</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Recovery Desk %1
Data entry and reporting for recovery-oriented harm reduction.</source>
      <translation>Recovery Desk %1
Registro de datos e informes para la reducción de daños orientada a la recuperación.</translation>
    </message>
    <message>
      <source>&amp;Find client</source>
      <translation>&amp;Buscar cliente</translation>
    </message>
    <message>
      <source>&amp;New client</source>
      <translation>&amp;Nuevo cliente</translation>
    </message>
    <message>
      <source>Quick &amp;encounter</source>
      <translation>&amp;Encuentro rápido</translation>
    </message>
    <message>
      <source>Lan&amp;guage…</source>
      <translation>Idi&amp;oma…</translation>
    </message>
    <message>
      <source>&amp;Lock now</source>
      <translation>B&amp;loquear ahora</translation>
    </message>
    <message>
      <source>Sign &amp;out</source>
      <translation>Cerrar &amp;sesión</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>Sal&amp;ir</translation>
    </message>
    <message>
      <source>&amp;Clients</source>
      <translation>&amp;Clientes</translation>
    </message>
    <message>
      <source>Follow-ups &amp;due</source>
      <translation>Seguimientos &amp;pendientes</translation>
    </message>
    <message>
      <source>&amp;Reports</source>
      <translation>&amp;Informes</translation>
    </message>
    <message>
      <source>&amp;Users</source>
      <translation>&amp;Usuarios</translation>
    </message>
    <message>
      <source>&amp;Settings</source>
      <translation>Con&amp;figuración</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
      <source>&amp;About Recovery Desk</source>
      <translation>&amp;Acerca de Recovery Desk</translation>
    </message>
    <message>
      <source>Fil&amp;e</source>
      <translation>&amp;Archivo</translation>
    </message>
    <message>
      <source>&amp;Go</source>
      <translation>&amp;Ir</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>A&amp;yuda</translation>
    </message>
    <message>
      <source>About Recovery Desk</source>
      <translation>Acerca de Recovery Desk</translation>
    </message>
  </context>
  <context>
    <name>worklist</name>
    <message>
      <source>No consent to contact: do not phone, text or write; see the client in person</source>
      <translation>Sin consentimiento de contacto: no llame, no envíe mensajes ni escriba; atienda al cliente en persona</translation>
    </message>
    <message>
      <source>no consent</source>
      <translation>sin consentimiento</translation>
    </message>
    <message>
      <source>no phone</source>
      <translation>sin teléfono</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Estado</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Pendiente</translation>
    </message>
    <message>
      <source>Closes</source>
      <translation>Cierra</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Código</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nombre</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Teléfono</translation>
    </message>
    <message>
      <source>Point</source>
      <translation>Punto</translation>
    </message>
    <message>
      <source>Attempts</source>
      <translation>Intentos</translation>
    </message>
    <message>
      <source>%1, %2</source>
      <translation>%1, %2</translation>
    </message>
    <message>
      <source>%1 mo</source>
      <translation>%1 m</translation>
    </message>
  </context>
</TS>
