<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ErrorScreen</name>
    <message>
        <source>The exhibition file could not be read</source>
        <translation>Le fichier de l&apos;exposition n&apos;a pas pu être lu</translation>
    </message>
    <message>
        <source>What is wrong, as FILE:LINE:COLUMN (line and column in the file):</source>
        <translation>Ce qui ne va pas, sous la forme FICHIER:LIGNE:COLONNE (ligne et colonne dans le fichier)&#x202f;:</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Que faire</translation>
    </message>
    <message>
        <source>1. Open the file above in a text editor and fix each line listed.</source>
        <translation>1. Ouvrez le fichier ci-dessus dans un éditeur de texte et corrigez chaque ligne indiquée.</translation>
    </message>
    <message>
        <source>2. Check it on any computer with:</source>
        <translation>2. Vérifiez-le sur n&apos;importe quel ordinateur avec&#x202f;:</translation>
    </message>
    <message>
        <source>3. Touch &lt;b&gt;Try again&lt;/b&gt;, or restart the kiosk.</source>
        <translation>3. Touchez &lt;b&gt;Réessayer&lt;/b&gt;, ou redémarrez la borne.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>kiosk %1 · tried at %2</source>
        <translation>kiosk %1 · dernier essai à %2</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff access</source>
        <translation>Accès du personnel</translation>
    </message>
    <message>
        <source>Enter the staff PIN</source>
        <translation>Saisissez le code du personnel</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Effacer le dernier chiffre</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ReloadErrors</name>
    <message>
        <source>The new version is ready; it will show when the visitor leaves.</source>
        <translation>La nouvelle version est prête&#x202f;; elle s&apos;affichera quand le visiteur sera parti.</translation>
    </message>
    <message>
        <source>1 error in the exhibition file (checked %1): the screen keeps the last good version.</source>
        <translation>1 erreur dans le fichier de l&apos;exposition (vérifié à %1)&#x202f;: l&apos;écran garde la dernière version correcte.</translation>
    </message>
    <message>
        <source>%1 errors in the exhibition file (checked %2): the screen keeps the last good version.</source>
        <translation>%1 erreurs dans le fichier de l&apos;exposition (vérifié à %2)&#x202f;: l&apos;écran garde la dernière version correcte.</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>Staff panel</source>
        <translation>Espace du personnel</translation>
    </message>
    <message>
        <source>kiosk %1 · preview</source>
        <translation>kiosk %1 · aperçu</translation>
    </message>
    <message>
        <source>kiosk %1</source>
        <translation>kiosk %1</translation>
    </message>
    <message>
        <source>No staff PIN is set: run  kiosk pin set  before the kiosk goes on show.</source>
        <translation>Aucun code du personnel n&apos;est défini&#x202f;: lancez  kiosk pin set  avant l&apos;ouverture au public.</translation>
    </message>
    <message>
        <source>Exhibition file</source>
        <translation>Fichier de l&apos;exposition</translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation>Chargé</translation>
    </message>
    <message>
        <source>(could not be shown)</source>
        <translation>(n&apos;a pas pu être affiché)</translation>
    </message>
    <message>
        <source>Running for</source>
        <translation>En marche depuis</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>%1 (shown as placeholders), %2</source>
        <translation>%1 (remplacées à l&apos;écran), %2</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 erreur</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 erreurs</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 avertissement</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 avertissements</translation>
    </message>
    <message>
        <source>The exhibition file has no problems.</source>
        <translation>Le fichier de l&apos;exposition ne pose aucun problème.</translation>
    </message>
    <message>
        <source>Reload exhibition</source>
        <translation>Recharger l&apos;exposition</translation>
    </message>
    <message>
        <source>Back to visitors</source>
        <translation>Retour aux visiteurs</translation>
    </message>
    <message>
        <source>Touch again to exit</source>
        <translation>Touchez encore pour quitter</translation>
    </message>
    <message>
        <source>Exit kiosk</source>
        <translation>Quitter la borne</translation>
    </message>
</context>
<context>
    <name>StaffViewModel</name>
    <message>
        <source>No staff PIN is set on this kiosk.
A technician sets one with:
kiosk pin set</source>
        <translation>Aucun code du personnel n&apos;est défini sur cette borne.
Un technicien le définit avec&#x202f;:
kiosk pin set</translation>
    </message>
    <message>
        <source>Wrong PIN. One more wrong PIN locks the pad again.</source>
        <translation>Code erroné. Un code erroné de plus bloque à nouveau le clavier.</translation>
    </message>
    <message>
        <source>Wrong PIN. 1 try left before a pause.</source>
        <translation>Code erroné. Encore 1 essai avant une pause.</translation>
    </message>
    <message>
        <source>Wrong PIN. %1 tries left before a pause.</source>
        <translation>Code erroné. Encore %1 essais avant une pause.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. The pad opens again in %1.</source>
        <translation>Trop de codes erronés. Le clavier se rouvre dans %1.</translation>
    </message>
    <message>
        <source>%1 d %2</source>
        <translation>%1 j %2</translation>
    </message>
    <message>
        <source>You can try again.</source>
        <extracomment>Staff asked to read the exhibition file again; the app reloads and calls set_load_result(). Staff confirmed the exit, behind the right PIN (or in the windowed preview).</extracomment>
        <translation>Vous pouvez réessayer.</translation>
    </message>
</context>
</TS>
