<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>ClientFormView</name>
    <message>
        <source>New client</source>
        <translation>Nuevo cliente</translation>
    </message>
    <message>
        <source>Edit client</source>
        <translation>Editar cliente</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identidad</translation>
    </message>
    <message>
        <source>Leave empty for the next free code</source>
        <translation>Déjelo vacío para el siguiente código libre</translation>
    </message>
    <message>
        <source>About the client (optional)</source>
        <translation>Sobre el cliente (opcional)</translation>
    </message>
    <message>
        <source>Contact and consent</source>
        <translation>Contacto y consentimiento</translation>
    </message>
    <message>
        <source>Saving the client</source>
        <translation>Guardando el cliente</translation>
    </message>
</context>
<context>
    <name>ClientNotesPanel</name>
    <message>
        <source>Alt+N writes a note</source>
        <translation>Alt+N escribe una nota</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Escrita por</translation>
    </message>
    <message>
        <source>The chosen note in full</source>
        <translation>La nota elegida completa</translation>
    </message>
    <message>
        <source>For the agency&apos;s staff only: never exported or reported.</source>
        <translation>Solo para el personal de la agencia: nunca se exporta ni se informa.</translation>
    </message>
    <message>
        <source>Cancel correction</source>
        <translation>Cancelar la corrección</translation>
    </message>
    <message>
        <source>Correct chosen note</source>
        <translation>Corregir la nota elegida</translation>
    </message>
    <message>
        <source>Void chosen note…</source>
        <translation>Anular la nota elegida…</translation>
    </message>
    <message>
        <source>No notes yet: Alt+N writes one.</source>
        <translation>Aún no hay notas: Alt+N escribe una.</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>Notas (%1)</translation>
    </message>
    <message>
        <source>%1, written by %2</source>
        <translation>%1, escrita por %2</translation>
    </message>
    <message>
        <source>Corrected by %1 on %2. Earlier text:</source>
        <translation>Corregida por %1 el %2. Texto anterior:</translation>
    </message>
    <message>
        <source>Save correction (Ctrl+Enter)</source>
        <translation>Guardar la corrección (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Add note (Ctrl+Enter)</source>
        <translation>Añadir nota (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation>Nota añadida.</translation>
    </message>
    <message>
        <source>Note corrected.</source>
        <translation>Nota corregida.</translation>
    </message>
    <message>
        <source>Void this note</source>
        <translation>Anular esta nota</translation>
    </message>
    <message>
        <source>The note leaves the client&apos;s page; it is kept, with its reason. Why?</source>
        <translation>La nota sale de la página del cliente; se conserva, con su motivo. ¿Por qué?</translation>
    </message>
    <message>
        <source>Note voided.</source>
        <translation>Nota anulada.</translation>
    </message>
</context>
<context>
    <name>ClientPageView</name>
    <message>
        <source>Back to list (Esc)</source>
        <translation>Volver a la lista (Esc)</translation>
    </message>
    <message>
        <source>&amp;Intake</source>
        <translation>Ad&amp;misión</translation>
    </message>
    <message>
        <source>&amp;Follow-up</source>
        <translation>&amp;Seguimiento</translation>
    </message>
    <message>
        <source>&amp;Discharge</source>
        <translation>Al&amp;ta</translation>
    </message>
    <message>
        <source>E&amp;vent</source>
        <translation>S&amp;uceso</translation>
    </message>
    <message>
        <source>Encounter (Ctrl+E)</source>
        <translation>Encuentro (Ctrl+E)</translation>
    </message>
    <message>
        <source>Edit &amp;client details</source>
        <translation>Editar &amp;cliente</translation>
    </message>
    <message>
        <source>Rec&amp;ord consent…</source>
        <translation>C&amp;onsentimiento…</translation>
    </message>
    <message>
        <source>&amp;Progress summary…</source>
        <translation>&amp;Progreso (PDF)…</translation>
    </message>
    <message>
        <source>Erase client…</source>
        <translation>Borrar cliente…</translation>
    </message>
    <message>
        <source>Delete this client and everything recorded about them, where the law requires it</source>
        <translation>Eliminar a este cliente y todo lo registrado sobre él, cuando la ley lo exige</translation>
    </message>
    <message>
        <source>Revo&amp;ke consent…</source>
        <translation>Re&amp;vocar consentimiento…</translation>
    </message>
    <message>
        <source>Choose a consent in force in the list first</source>
        <translation>Elija primero un consentimiento vigente de la lista</translation>
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
        <source>Signed</source>
        <translation>Firmado</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocado</translation>
    </message>
    <message>
        <source>In force today</source>
        <translation>Vigente hoy</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Disclosed on</source>
        <translation>Divulgado el</translation>
    </message>
    <message>
        <source>To</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Timeline, newest first</source>
        <translation>Cronología, lo más reciente primero</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consentimientos</translation>
    </message>
    <message>
        <source>Disclosures</source>
        <translation>Divulgaciones</translation>
    </message>
    <message>
        <source>Record an intake first</source>
        <translation>Registre primero una admisión</translation>
    </message>
    <message>
        <source>The last episode was closed by a discharge: record a new intake</source>
        <translation>El último episodio se cerró con un alta: registre una nueva admisión</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Aún no hay nada registrado.</translation>
    </message>
    <message>
        <source>Enter or double-click a row to read it back</source>
        <translation>Intro o doble clic en una fila para leerla</translation>
    </message>
    <message>
        <source>No consent recorded: Alt+O records one.</source>
        <translation>Ningún consentimiento registrado: Alt+O registra uno.</translation>
    </message>
    <message>
        <source>The client&apos;s records have not been disclosed.</source>
        <translation>Los registros del cliente no se han divulgado.</translation>
    </message>
    <message>
        <source>Consents (%1)</source>
        <translation>Consentimientos (%1)</translation>
    </message>
    <message>
        <source>Disclosures (%1)</source>
        <translation>Divulgaciones (%1)</translation>
    </message>
</context>
<context>
    <name>ClientPickerEdit</name>
    <message>
        <source>Anonymous — or type a name or client code</source>
        <translation>Anónimo — o escriba un nombre o código de cliente</translation>
    </message>
</context>
<context>
    <name>ClientSearchView</name>
    <message>
        <source>Find a client</source>
        <translation>Buscar un cliente</translation>
    </message>
    <message>
        <source>Find a client: name, preferred name, client code or birth date (YYYY-MM-DD)  —  Ctrl+F</source>
        <translation>Buscar un cliente: nombre, nombre preferido, código de cliente o fecha de nacimiento (AAAA-MM-DD)  —  Ctrl+F</translation>
    </message>
    <message>
        <source>New client (Ctrl+N)</source>
        <translation>Nuevo cliente (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Open client</source>
        <translation>A&amp;brir cliente</translation>
    </message>
    <message>
        <source>&amp;Merge two clients…</source>
        <translation>&amp;Fusionar dos clientes…</translation>
    </message>
    <message>
        <source>Select the two records of one person, then merge them into one.</source>
        <translation>Seleccione los dos registros de una persona y fusiónelos en uno.</translation>
    </message>
    <message>
        <source>All clients, in name order: %1</source>
        <translation>Todos los clientes, por orden de nombre: %1</translation>
    </message>
    <message>
        <source>The best %1 matches; type more to narrow them down</source>
        <translation>Las %1 mejores coincidencias; escriba más para acotarlas</translation>
    </message>
    <message>
        <source>Clients found: %1</source>
        <translation>Clientes encontrados: %1</translation>
    </message>
    <message>
        <source>No client matches “%1”.

Check the spelling, or try the birth date (YYYY-MM-DD) or the client code.
Not registered yet? Press Ctrl+N to add a new client.</source>
        <translation>Ningún cliente coincide con «%1».

Compruebe la ortografía, o pruebe con la fecha de nacimiento (AAAA-MM-DD) o el código de cliente.
¿Aún no está registrado? Pulse Ctrl+N para añadir un cliente nuevo.</translation>
    </message>
    <message>
        <source>No clients yet.

Press Ctrl+N to register the first client.</source>
        <translation>Aún no hay clientes.

Pulse Ctrl+N para registrar el primer cliente.</translation>
    </message>
    <message>
        <source>%1 clients match: choose one with Up and Down, then press Enter.</source>
        <translation>%1 clientes coinciden: elija uno con Arriba y Abajo y pulse Intro.</translation>
    </message>
    <message>
        <source>Merge two clients</source>
        <translation>Fusionar dos clientes</translation>
    </message>
    <message>
        <source>Select exactly two clients (hold Ctrl and click, or Shift+Down), then choose Merge.</source>
        <translation>Seleccione exactamente dos clientes (mantenga Ctrl y haga clic, o Mayús+Abajo) y elija Fusionar.</translation>
    </message>
    <message>
        <source>Everything recorded for one client moves to the other, and the other record disappears from lists. Which record do you keep?</source>
        <translation>Todo lo registrado para un cliente pasa al otro, y el otro registro desaparece de las listas. ¿Qué registro conserva?</translation>
    </message>
    <message>
        <source>Not merged</source>
        <translation>No fusionado</translation>
    </message>
    <message>
        <source>Clients merged: one record kept, with everything of both.</source>
        <translation>Clientes fusionados: se conserva un registro, con todo lo de ambos.</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <source>Client code</source>
        <translation>Código de cliente</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Fecha de nacimiento</translation>
    </message>
</context>
<context>
    <name>ClientsSection</name>
    <message>
        <source>Client not found</source>
        <translation>Cliente no encontrado</translation>
    </message>
    <message>
        <source>This client was merged into another record or removed; search again.</source>
        <translation>Este cliente se fusionó con otro registro o se eliminó; busque de nuevo.</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>No permitido</translation>
    </message>
    <message>
        <source>Progress summary saved: %1</source>
        <translation>Resumen de progreso guardado: %1</translation>
    </message>
    <message>
        <source>Client %1 erased.</source>
        <translation>Cliente %1 borrado.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>No encontrado</translation>
    </message>
    <message>
        <source>This record no longer exists.</source>
        <translation>Este registro ya no existe.</translation>
    </message>
    <message>
        <source>Record voided.</source>
        <translation>Registro anulado.</translation>
    </message>
    <message>
        <source>Record restored.</source>
        <translation>Registro restaurado.</translation>
    </message>
    <message>
        <source>Correction saved.</source>
        <translation>Corrección guardada.</translation>
    </message>
    <message>
        <source>Client registered.</source>
        <translation>Cliente registrado.</translation>
    </message>
    <message>
        <source>Client details saved.</source>
        <translation>Datos del cliente guardados.</translation>
    </message>
    <message>
        <source>%1 saved.</source>
        <translation>%1 guardado.</translation>
    </message>
    <message>
        <source>Event saved.</source>
        <translation>Suceso guardado.</translation>
    </message>
    <message>
        <source>Encounter saved. Ctrl+E for the next one.</source>
        <translation>Encuentro guardado. Ctrl+E para el siguiente.</translation>
    </message>
    <message>
        <source>Consent recorded.</source>
        <translation>Consentimiento registrado.</translation>
    </message>
    <message>
        <source>Consent revoked.</source>
        <translation>Consentimiento revocado.</translation>
    </message>
</context>
<context>
    <name>DuplicatePanel</name>
    <message>
        <source>Already registered?</source>
        <translation>¿Ya está registrado?</translation>
    </message>
    <message>
        <source>Client code</source>
        <translation>Código de cliente</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Open this client instead</source>
        <translation>Abrir este cliente</translation>
    </message>
    <message>
        <source>This person may already be registered. Open the existing client, or press Save again if this is someone else.</source>
        <translation>Es posible que esta persona ya esté registrada. Abra el cliente existente, o pulse Guardar de nuevo si es otra persona.</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elija…</translation>
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
    <name>FirstRunWizard</name>
    <message>
        <source>Set up Recovery Desk</source>
        <translation>Configurar Recovery Desk</translation>
    </message>
    <message>
        <source>Welcome to Recovery Desk</source>
        <translation>Bienvenido a Recovery Desk</translation>
    </message>
    <message>
        <source>A few questions set the program up for your agency; each can be changed later. First, the agency: reports print its name, and its state is the only place a de-identified file for a funder may name.</source>
        <translation>Unas pocas preguntas configuran el programa para su agencia; cada respuesta se puede cambiar después. Primero, la agencia: los informes imprimen su nombre, y su estado es el único lugar que puede nombrar un archivo desidentificado para un financiador.</translation>
    </message>
    <message>
        <source>&amp;Agency name</source>
        <translation>Nombre de la &amp;agencia</translation>
    </message>
    <message>
        <source>&amp;State</source>
        <translation>E&amp;stado</translation>
    </message>
    <message>
        <source>Where the data lives</source>
        <translation>Dónde se guardan los datos</translation>
    </message>
    <message>
        <source>One computer keeps the records in a file on this computer. Several workstations share the agency&apos;s PostgreSQL server.</source>
        <translation>Con una sola computadora, los registros se guardan en un archivo en esta computadora. Varios puestos comparten el servidor PostgreSQL de la agencia.</translation>
    </message>
    <message>
        <source>On &amp;this computer, in %1</source>
        <translation>En es&amp;ta computadora, en %1</translation>
    </message>
    <message>
        <source>On the agency&apos;s Post&amp;greSQL server</source>
        <translation>En el servidor Post&amp;greSQL de la agencia</translation>
    </message>
    <message>
        <source>postgresql+psycopg://user:password@server/agency</source>
        <translation>postgresql+psycopg://usuario:contraseña@servidor/agencia</translation>
    </message>
    <message>
        <source>Server &amp;address</source>
        <translation>&amp;Dirección del servidor</translation>
    </message>
    <message>
        <source>Test the &amp;connection</source>
        <translation>Probar la &amp;conexión</translation>
    </message>
    <message>
        <source>Encryption at rest</source>
        <translation>Cifrado en reposo</translation>
    </message>
    <message>
        <source>An encrypted file cannot be read without its passphrase, on this computer or on a stolen disk. Without the passphrase nobody can open the records: not the agency, not us. You can turn it on or off later with recovery-desk encrypt and decrypt.</source>
        <translation>Un archivo cifrado no se puede leer sin su frase de contraseña, ni en esta computadora ni en un disco robado. Sin la frase nadie puede abrir los registros: ni la agencia ni nosotros. Puede activarlo o desactivarlo más tarde con recovery-desk encrypt y decrypt.</translation>
    </message>
    <message>
        <source>&amp;Encrypt the database file</source>
        <translation>&amp;Cifrar el archivo de la base de datos</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>Frase &amp;de contraseña</translation>
    </message>
    <message>
        <source>Passphrase &amp;again</source>
        <translation>Repetir la &amp;frase</translation>
    </message>
    <message>
        <source>&amp;Keep the passphrase in this computer&apos;s keyring</source>
        <translation>&amp;Guardar la frase en el llavero de esta computadora</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>The program backs the database up every day. A folder on a second disk keeps the backups safe when this disk fails; leave it empty for a backups folder beside the database.</source>
        <translation>El programa hace una copia de seguridad de la base de datos cada día. Una carpeta en un segundo disco mantiene las copias a salvo si este disco falla; déjela vacía para usar una carpeta de copias junto a la base de datos.</translation>
    </message>
    <message>
        <source>the backups folder beside the database</source>
        <translation>la carpeta de copias junto a la base de datos</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>Backups &amp;folder</source>
        <translation>&amp;Carpeta de copias</translation>
    </message>
    <message>
        <source>The first administrator</source>
        <translation>El primer administrador</translation>
    </message>
    <message>
        <source>The administrator adds the other staff and changes these settings later. The password needs at least 15 characters; a few words make a good one.</source>
        <translation>El administrador añade al resto del personal y cambia esta configuración más tarde. La contraseña necesita al menos 15 caracteres; unas cuantas palabras forman una buena.</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>Nombre de &amp;usuario</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>Nombre &amp;completo</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>Con&amp;traseña</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>Re&amp;petir la contraseña</translation>
    </message>
    <message>
        <source>A practice agency</source>
        <translation>Una agencia de práctica</translation>
    </message>
    <message>
        <source>To try things without touching real records, the program can also make a practice agency of made-up clients, in a file of its own, named PRACTICE on every screen. Open it with recovery-desk --practice (or the menu entry Recovery Desk (practice)); sign in as admin, manager or frontdesk with the password recovery-demo-only.</source>
        <translation>Para probar sin tocar registros reales, el programa también puede crear una agencia de práctica con clientes inventados, en un archivo propio, llamada PRÁCTICA en cada pantalla. Ábrala con recovery-desk --practice (o la entrada de menú Recovery Desk (practice)); inicie sesión como admin, manager o frontdesk con la contraseña recovery-demo-only.</translation>
    </message>
    <message>
        <source>Also make a p&amp;ractice agency</source>
        <translation>Crear también una agencia de p&amp;ráctica</translation>
    </message>
    <message>
        <source>Backups folder</source>
        <translation>Carpeta de copias de seguridad</translation>
    </message>
    <message>
        <source>Connected: the server answers.</source>
        <translation>Conectado: el servidor responde.</translation>
    </message>
</context>
<context>
    <name>FoldButton</name>
    <message>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <source>folded</source>
        <translation>plegado</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancelar (Esc)</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Guardar (Ctrl+S)</translation>
    </message>
    <message>
        <source>%1: no more to say about this field.</source>
        <translation>%1: no hay nada más que decir sobre este campo.</translation>
    </message>
    <message>
        <source>Nothing was saved. Please correct:</source>
        <translation>No se guardó nada. Corrija, por favor:</translation>
    </message>
    <message>
        <source>Saving the form</source>
        <translation>Guardando el formulario</translation>
    </message>
    <message>
        <source>Changed on another workstation</source>
        <translation>Modificado en otro puesto</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>No permitido</translation>
    </message>
    <message>
        <source>%1 failed: %2. Nothing was saved; what you typed is still here.</source>
        <translation>%1 falló: %2. No se guardó nada; lo que escribió sigue aquí.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
    <message>
        <source>Stored now / on your screen:</source>
        <translation>Guardado ahora / en su pantalla:</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>¿Descartar los cambios?</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Discard them?</source>
        <translation>%1 tiene cambios sin guardar. ¿Descartarlos?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de datos: %1</translation>
    </message>
    <message>
        <source>%1 — Recovery Desk</source>
        <translation>%1 — Recovery Desk</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Sesión iniciada: %1 (%2)</translation>
    </message>
    <message>
        <source>Your language, %1, is shown from the next start of Recovery Desk.</source>
        <translation>Su idioma, %1, se muestra desde el próximo inicio de Recovery Desk.</translation>
    </message>
    <message>
        <source>Welcome back.</source>
        <translation>Bienvenido de nuevo.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Sign out and discard</source>
        <translation>Cerrar sesión y descartar</translation>
    </message>
    <message>
        <source>Unsaved work in 1 open form will be lost.</source>
        <translation>Se perderá el trabajo sin guardar de 1 formulario abierto.</translation>
    </message>
    <message>
        <source>Unsaved work in %1 open forms will be lost.</source>
        <translation>Se perderá el trabajo sin guardar de %1 formularios abiertos.</translation>
    </message>
    <message>
        <source>Stay locked</source>
        <translation>Seguir bloqueado</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>Seguimientos pendientes</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Quit and discard</source>
        <translation>Salir y descartar</translation>
    </message>
    <message>
        <source>Ctrl+F  find a client
Ctrl+N  new client
Ctrl+E  quick encounter
Ctrl+S  save the form
Esc  cancel the form or go back
Tab  next field (in the order of the paper form)
Ctrl+L  lock now
Ctrl+1 … Ctrl+5  go to a section</source>
        <translation>Ctrl+F  buscar un cliente
Ctrl+N  nuevo cliente
Ctrl+E  encuentro rápido
Ctrl+S  guardar el formulario
Esc  cancelar el formulario o volver
Tab  campo siguiente (en el orden del formulario en papel)
Ctrl+L  bloquear ahora
Ctrl+1 … Ctrl+5  ir a una sección</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
</context>
<context>
    <name>MonthClosingBox</name>
    <message>
        <source>Closing the month</source>
        <translation>Cierre del mes</translation>
    </message>
    <message>
        <source>&amp;Close the month…</source>
        <translation>&amp;Cerrar el mes…</translation>
    </message>
    <message>
        <source>Re&amp;open the month…</source>
        <translation>R&amp;eabrir el mes…</translation>
    </message>
    <message>
        <source>%1 is closed (%2, by %3): its report prints as it did then.</source>
        <translation>%1 está cerrado (%2, por %3): su informe se imprime como entonces.</translation>
    </message>
    <message>
        <source>%1 is open: its report follows every correction.</source>
        <translation>%1 está abierto: su informe sigue cada corrección.</translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation>Cerrar %1</translation>
    </message>
    <message>
        <source>Close %1? Its monthly report is kept as it prints today and prints the same from then on; corrections made later are listed as revisions in the next reports. Only an administrator can reopen it.</source>
        <translation>¿Cerrar %1? Su informe mensual se conserva tal como se imprime hoy y se imprime igual desde entonces; las correcciones posteriores se listan como revisiones en los informes siguientes. Solo un administrador puede reabrirlo.</translation>
    </message>
    <message>
        <source>Close the month</source>
        <translation>Cerrar el mes</translation>
    </message>
    <message>
        <source>Reopen %1</source>
        <translation>Reabrir %1</translation>
    </message>
    <message>
        <source>Why is %1 reopened? (kept in the audit trail)</source>
        <translation>¿Por qué se reabre %1? (queda en el registro de auditoría)</translation>
    </message>
</context>
<context>
    <name>ProgressBox</name>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Progress since the intake of %1</source>
        <translation>Progreso desde la admisión del %1</translation>
    </message>
    <message>
        <source>not told yet</source>
        <translation>todavía no indicado</translation>
    </message>
    <message>
        <source>The changes show here from the first follow-up on.</source>
        <translation>Los cambios se muestran aquí a partir del primer seguimiento.</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>E&amp;dit</source>
        <translation>E&amp;ditar</translation>
    </message>
    <message>
        <source>&amp;Void…</source>
        <translation>A&amp;nular…</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Volver (Esc)</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Reports, exports and imports</source>
        <translation>Informes, exportaciones e importaciones</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Hoja</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>What period, and for whom?</source>
        <translation>¿Qué período y para quién?</translation>
    </message>
    <message>
        <source>Internal copy (small counts not hidden)</source>
        <translation>Copia interna (recuentos pequeños sin ocultar)</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Período desde</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Período hasta</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Mes</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Período</translation>
    </message>
    <message>
        <source>Status &amp;as of</source>
        <translation>Estado a&amp;l</translation>
    </message>
    <message>
        <source>Identified export: p&amp;urpose</source>
        <translation>Exportación identificada: &amp;fin</translation>
    </message>
    <message>
        <source>Disclosed &amp;to</source>
        <translation>Di&amp;vulgado a</translation>
    </message>
    <message>
        <source>A recipient named in clients&apos; consents</source>
        <translation>Un destinatario nombrado en los consentimientos de los clientes</translation>
    </message>
    <message>
        <source>for example County Health Department</source>
        <translation>por ejemplo, Departamento de Salud del Condado</translation>
    </message>
    <message>
        <source>Monthly reports, exports and imports are made by managers.</source>
        <translation>Los informes mensuales, las exportaciones y las importaciones los hacen los responsables.</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Status as of</source>
        <translation>Estado al</translation>
    </message>
    <message>
        <source>Done. Open it now?</source>
        <translation>Hecho. ¿Abrirlo ahora?</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>Abrir el archivo</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Abrir la carpeta</translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>Escrito en %1</translation>
    </message>
    <message>
        <source>: %1 clients disclosed to %2.</source>
        <translation>: %1 clientes divulgados a %2.</translation>
    </message>
    <message>
        <source>%1 left out: %2.</source>
        <translation>%1 excluidos: %2.</translation>
    </message>
    <message>
        <source>Imported: %1.</source>
        <translation>Importado: %1.</translation>
    </message>
    <message>
        <source>Nothing was imported. Fix these problems in the workbook and import it again (%1):</source>
        <translation>No se importó nada. Corrija estos problemas en el libro e impórtelo de nuevo (%1):</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Detenido: %1</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was imported.</source>
        <translation>Cancelado. No se importó nada.</translation>
    </message>
    <message>
        <source>Cancelled. No file was written.</source>
        <translation>Cancelado. No se escribió ningún archivo.</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Save settings (Ctrl+S)</source>
        <translation>Guardar configuración (Ctrl+S)</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>Restaurar desde una copia…</translation>
    </message>
    <message>
        <source>Months after intake, separated by commas.</source>
        <translation>Meses tras la admisión, separados por comas.</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <source>the backups folder beside the database</source>
        <translation>la carpeta de copias junto a la base de datos</translation>
    </message>
    <message>
        <source>A folder on a second disk keeps backups safe</source>
        <translation>Una carpeta en un segundo disco mantiene las copias a salvo</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> caracteres</translation>
    </message>
    <message>
        <source> failed sign-ins</source>
        <translation> intentos fallidos</translation>
    </message>
    <message>
        <source>within </source>
        <translation>en </translation>
    </message>
    <message>
        <source>Failed sign-ins counted within minutes</source>
        <translation>Minutos en que se cuentan los inicios de sesión fallidos</translation>
    </message>
    <message>
        <source> days after entering it</source>
        <translation> días después de introducirlo</translation>
    </message>
    <message>
        <source>Agency settings</source>
        <translation>Configuración de la agencia</translation>
    </message>
    <message>
        <source>Agency &amp;name</source>
        <translation>&amp;Nombre de la agencia</translation>
    </message>
    <message>
        <source>Client code &amp;prefix</source>
        <translation>&amp;Prefijo del código de cliente</translation>
    </message>
    <message>
        <source>&amp;Follow-up points (months)</source>
        <translation>Puntos de &amp;seguimiento (meses)</translation>
    </message>
    <message>
        <source>&amp;Suppress counts below</source>
        <translation>&amp;Ocultar recuentos menores que</translation>
    </message>
    <message>
        <source>Paper si&amp;ze</source>
        <translation>&amp;Tamaño del papel</translation>
    </message>
    <message>
        <source>Lang&amp;uage of reports</source>
        <translation>Idio&amp;ma de los informes</translation>
    </message>
    <message>
        <source>&amp;Lock after</source>
        <translation>&amp;Bloquear tras</translation>
    </message>
    <message>
        <source>S&amp;tate</source>
        <translation>&amp;Estado</translation>
    </message>
    <message>
        <source>&amp;Backups folder</source>
        <translation>&amp;Carpeta de copias</translation>
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
        <source>Shortest pass&amp;word</source>
        <translation>Contraseña más co&amp;rta</translation>
    </message>
    <message>
        <source>Loc&amp;k a user name after</source>
        <translation>B&amp;loquear un nombre de usuario tras</translation>
    </message>
    <message>
        <source>Front desk corrects own entries for</source>
        <translation>Recepción corrige sus propios registros durante</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>No permitido</translation>
    </message>
    <message>
        <source>Only an administrator restores</source>
        <translation>Solo un administrador restaura</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurar desde una copia</translation>
    </message>
    <message>
        <source>Backups (*.sqlite3)</source>
        <translation>Copias de seguridad (*.sqlite3)</translation>
    </message>
    <message>
        <source>Replace the database with %1? The current database is kept as a backup first, and everyone signs in again.</source>
        <translation>¿Sustituir la base de datos por %1? La base de datos actual se guarda antes como copia, y todos vuelven a iniciar sesión.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>No restaurado</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restaurado</translation>
    </message>
    <message>
        <source>The database was restored from %1. The one it replaced is kept in %2.</source>
        <translation>La base de datos se restauró desde %1. La que sustituyó se guarda en %2.</translation>
    </message>
    <message>
        <source>Saved. New follow-up points and the lock time apply from now on.</source>
        <translation>Guardado. Los nuevos puntos de seguimiento y el tiempo de bloqueo se aplican desde ahora.</translation>
    </message>
    <message>
        <source>Allow shorter passwords?</source>
        <translation>¿Permitir contraseñas más cortas?</translation>
    </message>
    <message>
        <source>Passwords of %1 characters are much easier to guess than %2. NIST SP 800-63B asks for at least %2 when a password is the only thing that signs a person in. Allow passwords of %1 characters for new and changed passwords?</source>
        <translation>Las contraseñas de %1 caracteres son mucho más fáciles de adivinar que las de %2. NIST SP 800-63B pide al menos %2 cuando la contraseña es lo único con lo que una persona inicia sesión. ¿Permitir contraseñas de %1 caracteres para las contraseñas nuevas y cambiadas?</translation>
    </message>
    <message>
        <source>Allow %1 characters</source>
        <translation>Permitir %1 caracteres</translation>
    </message>
    <message>
        <source>Keep the minimum</source>
        <translation>Mantener el mínimo</translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>Nombre de &amp;usuario</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>Nombre &amp;completo</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>Con&amp;traseña</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>Re&amp;petir la contraseña</translation>
    </message>
    <message>
        <source>Welcome to Recovery Desk</source>
        <translation>Bienvenido a Recovery Desk</translation>
    </message>
    <message>
        <source>This database has no accounts yet. Create the first administrator account; administrators add the other staff later.</source>
        <translation>Esta base de datos aún no tiene cuentas. Cree la primera cuenta de administrador; los administradores añaden después al resto del personal.</translation>
    </message>
    <message>
        <source>Create administrator account</source>
        <translation>Crear cuenta de administrador</translation>
    </message>
    <message>
        <source>Sign in with your user name and password.</source>
        <translation>Inicie sesión con su nombre de usuario y contraseña.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>Recovery Desk is locked, to keep client data private. %1, type your password to carry on where you left off.</source>
        <translation>Recovery Desk está bloqueado, para proteger los datos de los clientes. %1, escriba su contraseña para seguir donde lo dejó.</translation>
    </message>
    <message>
        <source>Recovery Desk locked itself after a while without use, to keep client data private. %1, type your password to carry on where you left off.</source>
        <translation>Recovery Desk se bloqueó tras un rato sin uso, para proteger los datos de los clientes. %1, escriba su contraseña para seguir donde lo dejó.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
</context>
<context>
    <name>StateChoice</name>
    <message>
        <source>Choose a state</source>
        <translation>Elija un estado</translation>
    </message>
</context>
<context>
    <name>SubstanceListEditor</name>
    <message>
        <source>Substances</source>
        <translation>Sustancias</translation>
    </message>
    <message>
        <source>&amp;Add another substance</source>
        <translation>Añadir &amp;otra sustancia</translation>
    </message>
    <message>
        <source>Substance %1</source>
        <translation>Sustancia %1</translation>
    </message>
</context>
<context>
    <name>SupplyCostsBox</name>
    <message>
        <source>Unit costs of supplies</source>
        <translation>Costes unitarios de los suministros</translation>
    </message>
    <message>
        <source>Naloxone k&amp;it</source>
        <translation>&amp;Kit de naloxona</translation>
    </message>
    <message>
        <source>S&amp;yringe</source>
        <translation>&amp;Jeringa</translation>
    </message>
    <message>
        <source>Test st&amp;rip</source>
        <translation>Tira reacti&amp;va</translation>
    </message>
    <message>
        <source>HI&amp;V test</source>
        <translation>Prueba de VI&amp;H</translation>
    </message>
    <message>
        <source>H&amp;CV test</source>
        <translation>Prueba &amp;de VHC</translation>
    </message>
    <message>
        <source>What one unit costs the agency, for the monthly report&apos;s stewardship section. Leave a box empty when the cost is not known: the report then says it was not entered.</source>
        <translation>Lo que cuesta una unidad a la agencia, para la sección de administración de recursos del informe mensual. Deje la casilla vacía si no se conoce el coste: el informe dirá entonces que no se introdujo.</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>no introducido</translation>
    </message>
</context>
<context>
    <name>UsersView</name>
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
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>&amp;Deactivate or reactivate</source>
        <translation>&amp;Desactivar o reactivar</translation>
    </message>
    <message>
        <source>New password for the selected account</source>
        <translation>Nueva contraseña para la cuenta seleccionada</translation>
    </message>
    <message>
        <source>&amp;Reset password</source>
        <translation>&amp;Restablecer contraseña</translation>
    </message>
    <message>
        <source>Un&amp;lock</source>
        <translation>Desb&amp;loquear</translation>
    </message>
    <message>
        <source>Let a user name that too many failed sign-ins locked sign in again</source>
        <translation>Permitir que vuelva a iniciar sesión un nombre de usuario bloqueado por demasiados intentos fallidos</translation>
    </message>
    <message>
        <source>Language of the selected account</source>
        <translation>Idioma de la cuenta seleccionada</translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation>Cuentas de usuario</translation>
    </message>
    <message>
        <source>Lang&amp;uage of the selected account:</source>
        <translation>Idio&amp;ma de la cuenta seleccionada:</translation>
    </message>
    <message>
        <source>Set language</source>
        <translation>Fijar idioma</translation>
    </message>
    <message>
        <source>The person&apos;s screens show it from the next start of Recovery Desk</source>
        <translation>Las pantallas de la persona lo muestran desde el próximo inicio de Recovery Desk</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Añadir una cuenta</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Repetir contraseña</translation>
    </message>
    <message>
        <source>&amp;Add account</source>
        <translation>Añadir cue&amp;nta</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activa</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>desactivada</translation>
    </message>
    <message>
        <source>locked (failed sign-ins)</source>
        <translation>bloqueada (intentos fallidos)</translation>
    </message>
    <message>
        <source>Select an account first.</source>
        <translation>Seleccione primero una cuenta.</translation>
    </message>
    <message>
        <source>Account %1 added.</source>
        <translation>Cuenta %1 añadida.</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>No puede desactivar su propia cuenta.</translation>
    </message>
    <message>
        <source>Account deactivated; it can no longer sign in.</source>
        <translation>Cuenta desactivada; ya no puede iniciar sesión.</translation>
    </message>
    <message>
        <source>Account reactivated.</source>
        <translation>Cuenta reactivada.</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 puede volver a iniciar sesión.</translation>
    </message>
    <message>
        <source>%1 was not locked.</source>
        <translation>%1 no estaba bloqueado.</translation>
    </message>
    <message>
        <source>Password changed. Tell the person their new password in person.</source>
        <translation>Contraseña cambiada. Comunique la nueva contraseña a la persona en persona.</translation>
    </message>
    <message>
        <source>%1&apos;s language is now %2: their screens show it from the first start of Recovery Desk after their next sign-in.</source>
        <translation>El idioma de %1 es ahora %2: sus pantallas lo muestran desde el primer inicio de Recovery Desk después de su próximo inicio de sesión.</translation>
    </message>
</context>
<context>
    <name>WorklistFiltersBar</name>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Due and missed</source>
        <translation>Pendientes y perdidos</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Closing within two weeks</source>
        <translation>Cierran en dos semanas</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Perdidos</translation>
    </message>
    <message>
        <source>Follow-up point</source>
        <translation>Punto de seguimiento</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Días restantes</translation>
    </message>
    <message>
        <source>Any days left</source>
        <translation>Cualquier plazo</translation>
    </message>
    <message>
        <source>Closing within %1 days</source>
        <translation>Cierran en %1 días</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <source>Call &amp;list (CSV)…</source>
        <translation>&amp;Lista de llamadas (CSV)…</translation>
    </message>
    <message>
        <source>Save the follow-ups shown as a file to print or to call from: code, name, phone (only with consent to contact), point, window close and attempts.</source>
        <translation>Guardar los seguimientos mostrados en un archivo para imprimir o para llamar: código, nombre, teléfono (solo con consentimiento de contacto), punto, cierre de la ventana e intentos.</translation>
    </message>
    <message>
        <source>&amp;Printable call list (PDF)…</source>
        <translation>Lista de llamadas para im&amp;primir (PDF)…</translation>
    </message>
    <message>
        <source>Save the follow-ups shown as a PDF to print, with a column to write each call&apos;s result in; the phone only with consent to contact.</source>
        <translation>Guardar los seguimientos mostrados como PDF para imprimir, con una columna para anotar el resultado de cada llamada; el teléfono solo con consentimiento de contacto.</translation>
    </message>
    <message>
        <source>Every follow-up point</source>
        <translation>Todos los puntos de seguimiento</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 meses</translation>
    </message>
</context>
<context>
    <name>WorklistView</name>
    <message>
        <source>Enter opens the client, where you record the follow-up interview.</source>
        <translation>Intro abre el cliente, donde se registra la entrevista de seguimiento.</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>Seguimientos pendientes</translation>
    </message>
    <message>
        <source>Contact attempts</source>
        <translation>Intentos de contacto</translation>
    </message>
    <message>
        <source>Contact attempt saved for %1.</source>
        <translation>Intento de contacto guardado para %1.</translation>
    </message>
    <message>
        <source>Reading the follow-ups due…</source>
        <translation>Leyendo los seguimientos pendientes…</translation>
    </message>
    <message>
        <source>The list could not be read: %1</source>
        <translation>No se pudo leer la lista: %1</translation>
    </message>
    <message>
        <source>No follow-ups are due. Points appear here when their window opens, one month before the date.</source>
        <translation>No hay seguimientos pendientes. Los puntos aparecen aquí cuando se abre su ventana, un mes antes de la fecha.</translation>
    </message>
    <message>
        <source>Follow-ups due: %1, of which %2 close within two weeks; missed in the last %3 days: %4. Select one to log a contact attempt.</source>
        <translation>Seguimientos pendientes: %1, de los cuales %2 cierran en dos semanas; perdidos en los últimos %3 días: %4. Seleccione uno para registrar un intento de contacto.</translation>
    </message>
    <message>
        <source>call-list-%1.csv</source>
        <translation>lista-de-llamadas-%1.csv</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the call list</source>
        <translation>Guardar la lista de llamadas</translation>
    </message>
    <message>
        <source>%1 — %2-month follow-up, due %5, window %3 to %4</source>
        <translation>%1 — seguimiento de %2 meses, previsto el %5, ventana del %3 al %4</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Call list saved: %1 follow-ups in %2</source>
        <translation>Lista de llamadas guardada: %1 seguimientos en %2</translation>
    </message>
    <message>
        <source>The call list was not saved: %1</source>
        <translation>La lista de llamadas no se guardó: %1</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
    <message>
        <source>Choose a follow-up in the list.</source>
        <translation>Elija un seguimiento de la lista.</translation>
    </message>
    <message>
        <source>No contact attempts yet.</source>
        <translation>Aún no hay intentos de contacto.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>The program met an error it did not expect: %1

What you saved before is safe; the last action may not have been saved. The details are in %2.</source>
        <translation>El programa encontró un error inesperado: %1

Lo que guardó antes está a salvo; es posible que la última acción no se haya guardado. Los detalles están en %2.</translation>
    </message>
    <message>
        <source>%1 is encrypted. Passphrase:</source>
        <translation>%1 está cifrado. Frase de contraseña:</translation>
    </message>
    <message>
        <source>Open the database</source>
        <translation>Abrir la base de datos</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>No se puede abrir la base de datos</translation>
    </message>
    <message>
        <source>%1

Nothing was changed.</source>
        <translation>%1

No se cambió nada.</translation>
    </message>
</context>
</TS>
