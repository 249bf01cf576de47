// Invented news stories for fetch and feed tests: long enough to be articles, each about its own thing.

export const DESALINATION = {
  title: 'Port Elwyn opens its first desalination plant',
  paragraphs: [
    'PORT ELWYN — The coastal town of Port Elwyn switched on its first desalination plant on Friday, ending two summers of water rationing that had forced restaurants and the fish market to close early.',
    'The plant, built on the old ferry terminal site, can treat 12,000 cubic metres of seawater a day, enough for roughly 40,000 residents, according to the regional water board.',
    'Mayor Ines Calloway said the project had cost 48 million euros, two thirds of it paid by the regional government. "We will never again tell families to fill their bathtubs at night," she told a crowd gathered at the harbour.',
    'Environmental groups welcomed the end of rationing but warned that the brine returned to the bay must be monitored. The water board has promised to publish salinity readings every month.',
    'Construction began in March 2023 and was delayed by six months after a storm damaged the intake pipe. A second line, planned for 2027, would double the capacity of the plant.',
  ],
};

export const LIBRARY = {
  title: 'La médiathèque de Saint-Aubin rouvre après deux ans de travaux',
  paragraphs: [
    'SAINT-AUBIN — La médiathèque municipale a rouvert ses portes samedi matin après deux ans de travaux de rénovation, devant plusieurs centaines d’habitants venus découvrir les nouveaux espaces.',
    'Le bâtiment, construit en 1974, a été entièrement isolé et doté d’un toit végétalisé. La surface ouverte au public passe de 900 à 1 400 mètres carrés, avec une salle dédiée aux adolescents et un atelier numérique.',
    'Le chantier a coûté 6,2 millions d’euros, financés pour moitié par la commune et pour le reste par le département et l’État, a précisé l’adjointe à la culture, Claire Dumontel.',
    'Les horaires sont élargis : la médiathèque sera désormais ouverte le dimanche après-midi et jusqu’à 20 heures le mercredi. L’inscription reste gratuite pour tous les habitants de la communauté de communes.',
    'Les 45 000 documents avaient été stockés dans un entrepôt pendant les travaux ; le retour des collections a demandé trois semaines de travail aux bibliothécaires et à une vingtaine de bénévoles.',
  ],
};

export const FERRY = {
  title: 'Ferry strike cancels crossings to the northern islands',
  paragraphs: [
    'All ferry crossings to the northern islands were cancelled on Monday as crews began a 48-hour strike over rosters and pay, the operator Northlink Marine said.',
    'About 3,000 passengers a day use the three routes in winter. The operator said it would refund tickets and that freight vessels carrying food and fuel would still sail under an agreement with the union.',
    'The union says crews have worked up to fourteen days in a row since two vessels were withdrawn for repairs in the autumn. Management offered a 4 percent rise last week, which members rejected by a large majority.',
    'Island councils asked both sides to return to talks, warning that the strike falls during the week of school exams. A meeting with a mediator is planned for Thursday.',
  ],
};

export const ORCHARD = {
  title: 'Heritage orchard saved by village crowdfunding',
  paragraphs: [
    'Residents of Millbrook have raised 210,000 pounds in six weeks to buy the heritage orchard that was due to be sold at auction, the parish council announced on Tuesday.',
    'The orchard holds 140 trees of 38 old apple varieties, some of them found nowhere else in the county. More than 1,900 people contributed, from local families to former residents now living abroad.',
    'A community trust will own the land and open it to the public at weekends. Volunteers plan a pruning day in February and a cider pressing festival in October.',
    'The seller, a retired farmer, said he was glad the trees would stay. "My grandfather planted the first row in 1921, and I wanted them to outlive me," he said.',
  ],
};

/** The words of a story, as the corpus would count them. */
export const words = (story: { paragraphs: string[] }) => story.paragraphs.join(' ').split(/\s+/).length;
