<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
    <context>
        <name>Editor</name>
        <message>
            <source>New cue</source>
            <translation>Nouveau sous-titre</translation>
        </message>
        <message>
            <source>Import captions</source>
            <translation>Importer des sous-titres</translation>
        </message>
        <message>
            <source>Export captions</source>
            <translation>Exporter les sous-titres</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Début</translation>
        </message>
        <message>
            <source>End</source>
            <translation>Fin</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Texte</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Vérification</translation>
        </message>
        <message>
            <source>New cue here</source>
            <translation>Nouveau sous-titre ici</translation>
        </message>
        <message>
            <source>Start here</source>
            <translation>Début ici</translation>
        </message>
        <message>
            <source>End here</source>
            <translation>Fin ici</translation>
        </message>
        <message>
            <source>Delete cue</source>
            <translation>Supprimer le sous-titre</translation>
        </message>
        <message>
            <source>Import…</source>
            <translation>Importer…</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Exporter…</translation>
        </message>
        <message>
            <source>Captions</source>
            <translation>Sous-titres</translation>
        </message>
        <message>
            <source>Cue text</source>
            <translation>Texte du sous-titre</translation>
        </message>
        <message>
            <source>Cue {0}</source>
            <translation>Sous-titre : {0}</translation>
        </message>
        <message>
            <source>Select a video panel to pick its excerpt.</source>
            <translation>Sélectionnez un panneau vidéo pour choisir son extrait.</translation>
        </message>
        <message>
            <source>Play / pause</source>
            <translation>Lecture / pause</translation>
        </message>
        <message>
            <source>Start here (I)</source>
            <translation>Début ici (I)</translation>
        </message>
        <message>
            <source>End here (O)</source>
            <translation>Fin ici (O)</translation>
        </message>
        <message>
            <source>Play the excerpt</source>
            <translation>Lire l’extrait</translation>
        </message>
        <message>
            <source>excerpt {0} → {1}</source>
            <translation>extrait {0} → {1}</translation>
        </message>
        <message>
            <source>The film {0} is not in the media folder.</source>
            <translation>Le film {0} n’est pas dans le dossier des médias.</translation>
        </message>
        <message>
            <source>The kiosk cannot start exactly at frame {0}: the nearest exact start is frame {1}, on screen now.</source>
            <translation>La borne ne peut pas commencer exactement à l’image {0} : le début exact le plus proche est l’image {1}, affichée maintenant.</translation>
        </message>
        <message>
            <source>frame {0}</source>
            <translation>image {0}</translation>
        </message>
        <message>
            <source>Excerpt {0} at {1}</source>
            <translation>Extrait : {0} à {1}</translation>
        </message>
        <message>
            <source>Films cannot be played on this computer: {0}</source>
            <translation>Les films ne peuvent pas être lus sur cet ordinateur : {0}</translation>
        </message>
        <message>
            <source>Highlight colour</source>
            <translation>Couleur d’accent</translation>
        </message>
        <message>
            <source>Description for visitors who cannot see it</source>
            <translation>Description pour qui ne le voit pas</translation>
        </message>
        <message>
            <source>Font for Arabic</source>
            <translation>Police pour l’arabe</translation>
        </message>
        <message>
            <source>At (time in the film)</source>
            <translation>À (moment du film)</translation>
        </message>
        <message>
            <source>Background colour</source>
            <translation>Couleur du fond</translation>
        </message>
        <message>
            <source>Cover picture</source>
            <translation>Image de couverture</translation>
        </message>
        <message>
            <source>Font for text</source>
            <translation>Police du texte</translation>
        </message>
        <message>
            <source>Font for titles</source>
            <translation>Police des titres</translation>
        </message>
        <message>
            <source>Colour of secondary text</source>
            <translation>Couleur du texte secondaire</translation>
        </message>
        <message>
            <source>Panels</source>
            <translation>Panneaux</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Résumé</translation>
        </message>
        <message>
            <source>Colour of cards and tiles</source>
            <translation>Couleur des cartes et des tuiles</translation>
        </message>
        <message>
            <source>Audio description (sound files)</source>
            <translation>Audiodescription (fichiers son)</translation>
        </message>
        <message>
            <source>Caption</source>
            <translation>Légende</translation>
        </message>
        <message>
            <source>Caption files</source>
            <translation>Fichiers de sous-titres</translation>
        </message>
        <message>
            <source>'Still there?' countdown</source>
            <translation>Compte à rebours « Toujours là ? »</translation>
        </message>
        <message>
            <source>Credit</source>
            <translation>Crédit</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Audio description (spoken text)</source>
            <translation>Audiodescription (texte lu)</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>Excerpt end</source>
            <translation>Fin de l’extrait</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>Événements</translation>
        </message>
        <message>
            <source>Point of interest</source>
            <translation>Point d’intérêt</translation>
        </message>
        <message>
            <source>Identifier</source>
            <translation>Identifiant</translation>
        </message>
        <message>
            <source>Back to the loop after</source>
            <translation>Retour à la boucle après</translation>
        </message>
        <message>
            <source>Picture</source>
            <translation>Image</translation>
        </message>
        <message>
            <source>Invitation to touch</source>
            <translation>Invitation à toucher</translation>
        </message>
        <message>
            <source>Panels in the loop (their identifiers)</source>
            <translation>Panneaux de la boucle (leurs identifiants)</translation>
        </message>
        <message>
            <source>Time on each item</source>
            <translation>Durée de chaque élément</translation>
        </message>
        <message>
            <source>Languages</source>
            <translation>Langues</translation>
        </message>
        <message>
            <source>Listen volume</source>
            <translation>Volume de l’écoute</translation>
        </message>
        <message>
            <source>Media folder</source>
            <translation>Dossier des médias</translation>
        </message>
        <message>
            <source>Narration (sound files)</source>
            <translation>Narration (fichiers son)</translation>
        </message>
        <message>
            <source>Poster</source>
            <translation>Affiche</translation>
        </message>
        <message>
            <source>Sign language films</source>
            <translation>Films en langue des signes</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Fichier</translation>
        </message>
        <message>
            <source>Excerpt start</source>
            <translation>Début de l’extrait</translation>
        </message>
        <message>
            <source>Subtitle</source>
            <translation>Sous-titre</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <source>Volume</source>
            <translation>Volume</translation>
        </message>
        <message>
            <source>When or where</source>
            <translation>Quand ou où</translation>
        </message>
        <message>
            <source>Who said it</source>
            <translation>Qui l’a dit</translation>
        </message>
        <message>
            <source>Words quoted</source>
            <translation>Paroles citées</translation>
        </message>
        <message>
            <source>Add one</source>
            <translation>Ajouter</translation>
        </message>
        <message>
            <source>Click the point of interest: the attract loop zooms toward it.</source>
            <translation>Cliquez sur le point d’intérêt : la boucle d’attente zoome vers lui.</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Choisir…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Retirer</translation>
        </message>
        <message>
            <source>missing translation</source>
            <translation>traduction manquante</translation>
        </message>
        <message>
            <source>Edit {0}</source>
            <translation>Modification de {0}</translation>
        </message>
        <message>
            <source>Add {0}</source>
            <translation>Ajout dans {0}</translation>
        </message>
        <message>
            <source>Edit {0} ({1})</source>
            <translation>Modification de {0} ({1})</translation>
        </message>
        <message>
            <source>Remove from {0}</source>
            <translation>Retrait de {0}</translation>
        </message>
        <message>
            <source>Choose a file</source>
            <translation>Choisir un fichier</translation>
        </message>
        <message>
            <source>A very large picture</source>
            <translation>Une très grande image</translation>
        </message>
        <message>
            <source>This picture is {0}×{1} pixels, far larger than the screen. Copy it resized to fit {2}×{3}?</source>
            <translation>Cette image fait {0}×{1} pixels, bien plus que l’écran. La copier réduite à {2}×{3} au plus ?</translation>
        </message>
        <message>
            <source>Use {0}</source>
            <translation>Utiliser {0}</translation>
        </message>
        <message>
            <source>Understood</source>
            <translation>Compris</translation>
        </message>
        <message>
            <source>The preview appears once the exhibition can be read.</source>
            <translation>L’aperçu apparaît dès que l’exposition peut être lue.</translation>
        </message>
        <message>
            <source>Landscape 1920×1080</source>
            <translation>Paysage 1920×1080</translation>
        </message>
        <message>
            <source>Portrait 1080×1920</source>
            <translation>Portrait 1080×1920</translation>
        </message>
        <message>
            <source>Large text</source>
            <translation>Grand texte</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Langue</translation>
        </message>
        <message>
            <source>Screen</source>
            <translation>Écran</translation>
        </message>
        <message>
            <source>Every text fits on this screen ({0}, {1}).</source>
            <translation>Tous les textes tiennent sur cet écran ({0}, {1}).</translation>
        </message>
        <message>
            <source>On this screen ({0}, {1}):</source>
            <translation>Sur cet écran ({0}, {1}) :</translation>
        </message>
        <message>
            <source>Exhibition settings</source>
            <translation>Réglages de l’exposition</translation>
        </message>
        <message>
            <source>Chapter {0}</source>
            <translation>Chapitre {0}</translation>
        </message>
        <message>
            <source>panel {0}</source>
            <translation>panneau {0}</translation>
        </message>
        <message>
            <source>Structure</source>
            <translation>Structure</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Aperçu</translation>
        </message>
        <message>
            <source>Excerpt and captions</source>
            <translation>Extrait et sous-titres</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Problèmes</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>Ouvert</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Historique</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>&amp;New exhibition…</source>
            <translation>&amp;Nouvelle exposition…</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>&amp;Ouvrir…</translation>
        </message>
        <message>
            <source>Open &amp;recent</source>
            <translation>Ouvrir un fichier &amp;récent</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Enregistrer</translation>
        </message>
        <message>
            <source>Save &amp;as…</source>
            <translation>Enregistrer &amp;sous…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>É&amp;dition</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Annuler</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Rétablir</translation>
        </message>
        <message>
            <source>&amp;Structure</source>
            <translation>&amp;Structure</translation>
        </message>
        <message>
            <source>Add a &amp;panel</source>
            <translation>Ajouter un &amp;panneau</translation>
        </message>
        <message>
            <source>Add a &amp;chapter</source>
            <translation>Ajouter un &amp;chapitre</translation>
        </message>
        <message>
            <source>&amp;Duplicate</source>
            <translation>&amp;Dupliquer</translation>
        </message>
        <message>
            <source>De&amp;lete</source>
            <translation>Su&amp;pprimer</translation>
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation>&amp;Monter</translation>
        </message>
        <message>
            <source>Move do&amp;wn</source>
            <translation>Des&amp;cendre</translation>
        </message>
        <message>
            <source>&amp;Next problem</source>
            <translation>Problème &amp;suivant</translation>
        </message>
        <message>
            <source>Open an exhibition</source>
            <translation>Ouvrir une exposition</translation>
        </message>
        <message>
            <source>Exhibition (*.yaml *.yml)</source>
            <translation>Exposition (*.yaml *.yml)</translation>
        </message>
        <message>
            <source>Choose an empty folder for the new exhibition</source>
            <translation>Choisir un dossier vide pour la nouvelle exposition</translation>
        </message>
        <message>
            <source>Save the exhibition as</source>
            <translation>Enregistrer l’exposition sous</translation>
        </message>
        <message>
            <source>Describe the picture in every language, for visitors who cannot see it.</source>
            <translation>Décrivez l’image dans chaque langue, pour les visiteurs qui ne la voient pas.</translation>
        </message>
        <message>
            <source>no exhibition</source>
            <translation>aucune exposition</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Enregistré.</translation>
        </message>
        <message>
            <source>A chapter keeps at least one panel, and the exhibition one chapter.</source>
            <translation>Un chapitre garde au moins un panneau, et l’exposition au moins un chapitre.</translation>
        </message>
        <message>
            <source>Add opening hours</source>
            <translation>Ajouter des heures d’ouverture</translation>
        </message>
        <message>
            <source>No problems: every text is there in every language.</source>
            <translation>Aucun problème : chaque texte est là, dans chaque langue.</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Modifications non enregistrées</translation>
        </message>
        <message>
            <source>Opening {0}…</source>
            <translation>Ouverture de {0}…</translation>
        </message>
        <message>
            <source>Opened {0}.</source>
            <translation>{0} ouvert.</translation>
        </message>
        <message>
            <source>New exhibition</source>
            <translation>Nouvelle exposition</translation>
        </message>
        <message>
            <source>Changes made on {0} were never saved (the editor was closed without saving). Restore them?</source>
            <translation>Des modifications faites le {0} n’ont jamais été enregistrées (l’éditeur a été fermé sans enregistrer). Les restaurer ?</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Restaurer</translation>
        </message>
        <message>
            <source>Discard them</source>
            <translation>Les abandonner</translation>
        </message>
        <message>
            <source>Someone else changed {0} on disk. Reload it? (Your changes here would be set aside.)</source>
            <translation>Quelqu’un d’autre a modifié {0} sur le disque. Le recharger ? (Vos modifications ici seraient mises de côté.)</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>Recharger</translation>
        </message>
        <message>
            <source>Keep mine</source>
            <translation>Garder les miennes</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>Déplacement</translation>
        </message>
        <message>
            <source>Add a chapter</source>
            <translation>Ajout d’un chapitre</translation>
        </message>
        <message>
            <source>warning: </source>
            <translation>avertissement : </translation>
        </message>
        <message>
            <source>Could not open {0}: see the problems below. Nothing was changed.</source>
            <translation>Impossible d’ouvrir {0} : voir les problèmes ci-dessous. Rien n’a été modifié.</translation>
        </message>
        <message>
            <source>Saved, with {0} error(s) still to fix: the kiosk shows the last version without errors until they are fixed.</source>
            <translation>Enregistré, avec {0} erreur(s) encore à corriger : la borne montre la dernière version sans erreur jusqu’à ce qu’elles le soient.</translation>
        </message>
        <message>
            <source>This exhibition is open in another editor, with changes not saved yet (at {0}). Work in one editor only: each save would overwrite the other's.</source>
            <translation>Cette exposition est ouverte dans un autre éditeur, avec des modifications pas encore enregistrées (à {0}). Travaillez dans un seul éditeur : chaque enregistrement écraserait celui de l’autre.</translation>
        </message>
        <message>
            <source>opening hours (schedule)</source>
            <translation>heures d’ouverture (schedule)</translation>
        </message>
        <message>
            <source>Problems (errors: {0}, warnings: {1})</source>
            <translation>Problèmes (erreurs : {0}, avertissements : {1})</translation>
        </message>
        <message>
            <source>Save the changes to {0}?</source>
            <translation>Enregistrer les modifications de {0} ?</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Non enregistré</translation>
        </message>
        <message>
            <source>Add a {0} panel</source>
            <translation>Ajout d’un panneau {0}</translation>
        </message>
        <message>
            <source>Duplicate {0}</source>
            <translation>Duplication de {0}</translation>
        </message>
        <message>
            <source>Delete {0}</source>
            <translation>Suppression de {0}</translation>
        </message>
        <message>
            <source>attract loop: panels shown, in order</source>
            <translation>boucle d’attente : panneaux montrés, dans l’ordre</translation>
        </message>
    </context>
</TS>
