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
      <source>There is already an assessment for this client on {day}</source>
      <translation>Ya hay una evaluación de este cliente del {day}</translation>
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
      <source>Area (postal code)</source>
      <translation>Zona (código postal)</translation>
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
      <source>Other</source>
      <translation>Otro</translation>
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
      <source>Referrals</source>
      <translation>Derivaciones</translation>
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
      <source>{label}: write the agency's name; reports print it.</source>
      <translation>{label}: escriba el nombre de la agencia; los informes lo imprimen.</translation>
    </message>
    <message>
      <source>{label}: choose letter or a4</source>
      <translation>{label}: elija letter o a4</translation>
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
      <source>{label} {problem}</source>
      <translation>{label}: {problem}</translation>
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
      <source>The contact says the client died: the reason for discharge is “Died”</source>
      <translation>El contacto dice que el cliente falleció: el motivo del alta es «Falleció»</translation>
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
      <source>no consent to contact</source>
      <translation>sin consentimiento de contacto</translation>
    </message>
    <message>
      <source>no phone</source>
      <translation>sin teléfono</translation>
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
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Libro de Excel (*.xlsx)</translation>
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
      <source>Funder workbook</source>
      <translation>Libro para el financiador</translation>
    </message>
    <message>
      <source>The report's tables for the chosen period, small counts hidden, with a data dictionary: nothing in it identifies a client.</source>
      <translation>Las tablas del informe para el período elegido, con los recuentos pequeños ocultos y un diccionario de datos: nada en él identifica a un cliente.</translation>
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
      <source>The area recorded on encounters (for known deaths, the postal code on the client's record). Areas with fewer people than the suppression threshold, or with nothing but deaths, are pooled as Other areas.</source>
      <translation>La zona registrada en los encuentros (para las muertes conocidas, el código postal del registro del cliente). Las zonas con menos personas que el umbral de ocultación, o solo con muertes, se agrupan como Otras zonas.</translation>
    </message>
    <message>
      <source>The month-end the row describes (the last row: the end of the period).</source>
      <translation>El fin de mes que describe la fila (la última fila: el final del período).</translation>
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
      <source>Deceased</source>
      <translation>Fallecido</translation>
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
      <source>Death</source>
      <translation>Muerte</translation>
    </message>
    <message>
      <source>Arrest</source>
      <translation>Arresto</translation>
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
      <source>Child welfare report</source>
      <translation>Informe a protección de menores</translation>
    </message>
    <message>
      <source>Child removal</source>
      <translation>Retirada de menores</translation>
    </message>
    <message>
      <source>Family violence</source>
      <translation>Violencia familiar</translation>
    </message>
    <message>
      <source>Family reported harm</source>
      <translation>Daño informado por la familia</translation>
    </message>
    <message>
      <source>Public order citation</source>
      <translation>Multa por orden público</translation>
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
    <name>client_text</name>
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
      <source>Treatment</source>
      <translation>Tratamiento</translation>
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
      <source>Research</source>
      <translation>Investigación</translation>
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
      <source>Contact attempt</source>
      <translation>Intento de contacto</translation>
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
      <source>Event</source>
      <translation>Suceso</translation>
    </message>
    <message>
      <source>Encounter</source>
      <translation>Encuentro</translation>
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
      <source>no consent to contact</source>
      <translation>sin consentimiento de contacto</translation>
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
      <source>Due</source>
      <translation>Fecha prevista</translation>
    </message>
    <message>
      <source>Attempts</source>
      <translation>Intentos</translation>
    </message>
    <message>
      <source>%1, last %2</source>
      <translation>%1, último %2</translation>
    </message>
    <message>
      <source>%1 months</source>
      <translation>%1 meses</translation>
    </message>
  </context>
</TS>
